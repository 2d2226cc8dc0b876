package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;

/** The client's settings in these tests, and calls to the student's client that fail instead of hanging. */
final class Clients {

    private static final Messages MSG = Messages.of(Clients.class);

    /** What a correct server does, played by a {@link ScriptedPeer}: PONG to PING, any other line back. */
    static final ScriptedPeer.Script ECHO_SERVER = socket -> {
        for (String line : ScriptedPeer.lines(socket)) {
            socket.getOutputStream().write((line.equals("PING") ? "PONG\n" : line + "\n").getBytes(UTF_8));
        }
    };

    /** The middle of every jitter window, so timings are predictable. */
    static final DoubleSupplier NO_JITTER = () -> 0.5;

    private Clients() {
    }

    static ClientSettings settings(int port, int connectMillis, int readMillis, long deadlineMillis, long firstPause) {
        return new ClientSettings("127.0.0.1", port, connectMillis, readMillis, deadlineMillis, firstPause, NO_JITTER);
    }

    /**
     * Runs a request that must fail, and returns how it failed; a hang fails the test with {@code expectation} and
     * {@code hint} after {@link StudentCode#WITHIN}: every deadline in these tests is 2.2 s or less.
     */
    static RequestFailedException failure(String expectation, String hint, Executable request) {
        return StudentCode.boundedCheck(MSG.feedback("failure.2", expectation, StudentCode.WITHIN.toSeconds(), hint),
                () -> assertThrows(RequestFailedException.class, request, MSG.feedback("failure")));
    }

    /** Runs a request that must succeed and returns its reply; a hang or a failure fails the test, with a hint. */
    static String reply(String expectation, String hint, ThrowingSupplier<String> request) {
        return StudentCode.boundedCheck(MSG.feedback("reply.2", expectation, StudentCode.WITHIN.toSeconds(), hint),
                () -> assertDoesNotThrow(request, () -> MSG.feedback("reply", expectation, hint)));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
