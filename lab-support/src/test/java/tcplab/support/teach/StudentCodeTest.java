package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Student code that runs out of memory fails one test with a message, instead of stopping the whole run. */
class StudentCodeTest {

    /** An array too large for any JVM becomes an assertion failure that names the call. */
    @Test
    void outOfMemoryBecomesAFailure() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> StudentCode.call("readFrame()", () -> new byte[Integer.MAX_VALUE]));
        // In either language (kit.lang): a teaching message that names the call.
        assertTrue(Feedback.teaches(failure.getMessage()) && failure.getMessage().contains("readFrame()"),
                failure.getMessage());
    }

    /** Results and other exceptions pass through unchanged. */
    @Test
    void resultsAndExceptionsPassThrough() throws Throwable {
        assertEquals("ok", StudentCode.call("x", () -> "ok"));
        assertThrows(EOFException.class, () -> StudentCode.call("x", () -> {
            throw new EOFException("end");
        }));
    }
}
