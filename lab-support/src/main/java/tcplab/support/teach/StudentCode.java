package tcplab.support.teach;

import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Calls student code whose memory use depends on bytes from the network, so that running out of memory fails this
 * one test with a teaching message. JUnit treats an {@link OutOfMemoryError} that reaches it as fatal and stops every
 * test of the run; a length read from garbage ({@code new byte[2_000_000_000]}) must not cost the other tests.
 */
public final class StudentCode {

    private StudentCode() {
    }

    /** Returns what {@code call} returns, and rethrows what it throws, except running out of memory. */
    public static <T> T call(String what, ThrowingSupplier<T> call) throws Throwable {
        try {
            return call.get();
        } catch (OutOfMemoryError e) {
            throw new AssertionFailedError(Feedback.expected(what + " to allocate only what the data needs")
                    .but("it ran out of memory (" + e.getMessage() + ")")
                    .hint("A length read from the network can be anything: check it against the limit before you"
                            + " allocate, and read exactly the frame's bytes, so you never read a length from the middle"
                            + " of a payload."));
        }
    }
}
