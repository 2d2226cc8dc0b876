package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.net.SlowWriter;
import tcplab.support.teach.Messages;

/**
 * After the ERROR line, the client keeps writing small pieces, then sends FIN: the server reads and drops them, so the
 * connection ends with FIN and never with RST.
 */
class DrainBeforeCloseTest {

    private static final Messages MSG = Messages.of(DrainBeforeCloseTest.class);

    /** 32 pieces of 64 bytes, 5 ms apart: a client still sending the rest of its request after the refusal. */
    private static final SlowWriter STILL_SENDING = new SlowWriter(64, Duration.ofMillis(5));

    private static final String HINT = MSG.text("hint");

    @AutoClose
    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.LINES);

    @Test
    @Points(1)
    void serverDrainsWhatClientKeepsSendingAfterRefusal() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] tooLong = new byte[Framing.MAX_LINE_BYTES + 1];
            Arrays.fill(tooLong, (byte) 'x');
            client.send(tooLong);
            String reply = assertDoesNotThrow(client::readLine,
                    MSG.feedback("serverDrainsWhatClientKeepsSendingAfterRefusal", tooLong.length, HINT));
            assertTrue(reply != null && reply.startsWith("ERROR"),
                    MSG.feedback("serverDrainsWhatClientKeepsSendingAfterRefusal.2",
                    reply == null ? MSG.text("closedWithoutReply") : MSG.text("answered", reply.substring(0,
                    Math.min(20, reply.length()))), HINT));

            assertDoesNotThrow(() -> STILL_SENDING.write(client.socket(), new byte[32 * 64]),
                    MSG.feedback("serverDrainsWhatClientKeepsSendingAfterRefusal.3", HINT));
            client.shutdownOutput();

            int end = assertDoesNotThrow(client::read,
                    MSG.feedback("serverDrainsWhatClientKeepsSendingAfterRefusal.4", HINT));
            assertEquals(-1, end, MSG.feedback("serverDrainsWhatClientKeepsSendingAfterRefusal.5", end, HINT));
        }
    }
}
