package tcplab.support.teach;

import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Calls student code whose memory use depends on bytes from the network, so that running out of memory fails this
 * one test with a teaching message. JUnit treats an {@link OutOfMemoryError} that reaches it as fatal and stops every
 * test of the run; a length read from garbage ({@code new byte[2_000_000_000]}) must not cost the other tests.
 */
public final class StudentCode {

    private static final Messages MSG = Messages.of(StudentCode.class);

    private StudentCode() {
    }

    /** Returns what {@code call} returns, and rethrows what it throws, except running out of memory. */
    public static <T> T call(String what, ThrowingSupplier<T> call) throws Throwable {
        try {
            return call.get();
        } catch (OutOfMemoryError e) {
            throw new AssertionFailedError(MSG.feedback("outOfMemory", what, e.getMessage()));
        }
    }
}
