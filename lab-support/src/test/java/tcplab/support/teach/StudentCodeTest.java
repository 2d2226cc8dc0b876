package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Student code that runs out of memory, or blocks, fails one test with a message, instead of stopping the whole run
 * or running into the test's timeout.
 */
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

    /** A call still running after the bound fails with the message that says where it blocked. */
    @Test
    void blockedCallFailsWithItsMessage() {
        CountDownLatch never = new CountDownLatch(1);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> StudentCode.await(StudentCode.start(() -> never.await(1, TimeUnit.MINUTES)),
                        Duration.ofMillis(50), "blocked in x()"));
        assertEquals("blocked in x()", failure.getMessage());
    }

    /** A bounded call returns its result and passes on what it threw, assertion failures included. */
    @Test
    void boundedCallsPassResultsAndFailuresThrough() throws Throwable {
        assertEquals("ok", StudentCode.bounded("blocked", () -> "ok"));
        assertThrows(EOFException.class, () -> StudentCode.bounded("blocked", () -> {
            throw new EOFException("end");
        }));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> StudentCode.boundedCheck("blocked", () -> assertThrows(EOFException.class, () -> { },
                        "the check's own")));
        assertTrue(failure.getMessage().startsWith("the check's own"), failure.getMessage());
    }
}
