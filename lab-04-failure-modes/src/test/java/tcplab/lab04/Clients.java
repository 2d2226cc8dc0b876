package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import tcplab.support.teach.Messages;

/** The client's settings in these tests, and calls to the student's client that fail instead of hanging. */
final class Clients {

    private static final Messages MSG = Messages.of(Clients.class);

    /** How long any one call to the client may take here: every deadline in these tests is 2.2 s or less. */
    static final Duration WITHIN = Duration.ofSeconds(5);
    /** The middle of every jitter window, so timings are predictable. */
    static final DoubleSupplier NO_JITTER = () -> 0.5;

    private Clients() {
    }

    static ClientSettings settings(int port, int connectMillis, int readMillis, long deadlineMillis, long firstPause) {
        return new ClientSettings("127.0.0.1", port, connectMillis, readMillis, deadlineMillis, firstPause, NO_JITTER);
    }

    /**
     * Runs a request that must fail, and returns how it failed; a hang fails the test with {@code expectation} and
     * {@code hint}.
     */
    static RequestFailedException failure(String expectation, String hint, Executable request) {
        return assertTimeoutPreemptively(WITHIN,
                () -> assertThrows(RequestFailedException.class, request,
                        MSG.feedback("failure")),
                () -> MSG.feedback("failure.2", expectation, WITHIN.toSeconds(), hint));
    }

    /** Runs a request that must succeed and returns its reply; a hang or a failure fails the test, with a hint. */
    static String reply(String expectation, String hint, ThrowingSupplier<String> request) {
        return assertTimeoutPreemptively(WITHIN,
                () -> assertDoesNotThrow(request, () -> MSG.feedback("reply", expectation, hint)),
                () -> MSG.feedback("reply.2", expectation, WITHIN.toSeconds(), hint));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
