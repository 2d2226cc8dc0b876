package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** A refused client that keeps writing reads the whole ERROR line and then FIN: the server drains before it closes. */
class RefusalDrainTest {

    private static final Messages MSG = Messages.of(RefusalDrainTest.class);

    private static final int LINE_BYTES = 100;
    /**
     * More than loopback's buffers hold, so the send ends only if the server keeps reading; well under the
     * server's DRAIN_BYTES (1 MiB), so a drain takes it all.
     */
    private static final int TRAILING_BYTES = 256 * 1024;
    /** The reference drains this within milliseconds; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    /** Only the refusal may end the connection: an idle timeout far longer than the exchange, even under load. */
    private static final long IDLE_TIMEOUT_MILLIS = 10_000;
    /** How much of a wrong answer the message quotes. */
    private static final int QUOTED_CHARS = 60;

    private final TcpProbe probe = TcpProbe.system();

    /**
     * An over-long line, 256 KiB more and FIN: the client reads one ERROR line, then EOF, never "Connection reset",
     * and the server's end ends in TIME_WAIT, not reset.
     */
    @Test
    @Points(1)
    void clientThatKeepsWritingAfterRefusalReadsErrorThenFin() throws Exception {
        try (ServerFixture server = new ServerFixture(IDLE_TIMEOUT_MILLIS)) {
            int port = server.start();
            LineConnection client = server.connect();
            byte[] request = ("x".repeat(LINE_BYTES) + "\n" + "y".repeat(TRAILING_BYTES)).getBytes(UTF_8);
            assertTimeoutPreemptively(WITHIN, () -> assertDoesNotThrow(() -> {
                client.send(request);
                client.shutdownOutput();
            }, MSG.feedback("clientThatKeepsWritingAfterRefusalReadsErrorThenFin", request.length)),
                    MSG.feedback("clientThatKeepsWritingAfterRefusalReadsErrorThenFin.blocked", request.length,
                    TcpAssertions.seconds(WITHIN)));
            String answer = ServerFixture.readToEnd(client, MSG.text("errorThenFin", LINE_BYTES,
                    ServerFixture.MAX_LINE_BYTES, TRAILING_BYTES), MSG.text("errorThenFin.hint"));
            assertTrue(answer.startsWith("ERROR") && answer.endsWith("\n") && answer.lines().count() == 1,
                    MSG.feedback("clientThatKeepsWritingAfterRefusalReadsErrorThenFin.2", quoted(answer)));

            // The server's FIN went first, then the client's came to a socket still reading: the server's end waits
            // in TIME_WAIT. An end that answered the client's bytes with RST is simply gone, even when the client
            // read EOF first.
            TcpAssertions.awaitState(probe, port, client.localPort(), TcpState.TIME_WAIT, WITHIN,
                    MSG.text("serverEnd"), MSG.text("serverEnd.hint"));
        }
    }

    private static String quoted(String answer) {
        String shown = answer.length() > QUOTED_CHARS ? answer.substring(0, QUOTED_CHARS) + "..." : answer;
        return shown.replace("\n", "\\n");
    }
}
