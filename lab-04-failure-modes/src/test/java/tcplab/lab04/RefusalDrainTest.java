package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Messages;

/** A refused client that keeps writing reads the whole ERROR line and then FIN: the server drains before it closes. */
class RefusalDrainTest {

    private static final Messages MSG = Messages.of(RefusalDrainTest.class);

    private static final int LINE_BYTES = 100;
    /** Far more than the server reads ahead, and few enough that loopback's buffers take them without a reader. */
    private static final int TRAILING_BYTES = 32 * 1024;
    /** Only the refusal may end the connection: an idle timeout far longer than the exchange, even under load. */
    private static final long IDLE_TIMEOUT_MILLIS = 10_000;
    /** How much of a wrong answer the message quotes. */
    private static final int QUOTED_CHARS = 60;

    /** An over-long line, 32 KiB more and FIN: the client reads one ERROR line, then EOF, never "Connection reset". */
    @Test
    @Points(1)
    void clientThatKeepsWritingAfterRefusalReadsErrorThenFin() throws Exception {
        try (ServerFixture server = new ServerFixture(IDLE_TIMEOUT_MILLIS)) {
            server.start();
            LineConnection client = server.connect();
            byte[] request = ("x".repeat(LINE_BYTES) + "\n" + "y".repeat(TRAILING_BYTES)).getBytes(UTF_8);
            assertDoesNotThrow(() -> {
                client.send(request);
                client.shutdownOutput();
            }, MSG.feedback("clientThatKeepsWritingAfterRefusalReadsErrorThenFin", request.length));
            String answer = ServerFixture.readToEnd(client, MSG.text("errorThenFin", LINE_BYTES,
                    ServerFixture.MAX_LINE_BYTES, TRAILING_BYTES), MSG.text("errorThenFin.hint"));
            assertTrue(answer.startsWith("ERROR") && answer.endsWith("\n") && answer.lines().count() == 1,
                    MSG.feedback("clientThatKeepsWritingAfterRefusalReadsErrorThenFin.2", quoted(answer)));
        }
    }

    private static String quoted(String answer) {
        String shown = answer.length() > QUOTED_CHARS ? answer.substring(0, QUOTED_CHARS) + "..." : answer;
        return shown.replace("\n", "\\n");
    }
}
