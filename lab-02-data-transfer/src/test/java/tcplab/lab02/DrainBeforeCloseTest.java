package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.net.Slicer;
import tcplab.support.teach.Feedback;

/**
 * After the ERROR line, the client keeps writing small pieces, then sends FIN: the server reads and drops them, so the
 * connection ends with FIN and never with RST.
 */
class DrainBeforeCloseTest {

    /** 32 pieces of 64 bytes, 5 ms apart: a client still sending the rest of its request after the refusal. */
    private static final Slicer STILL_SENDING = new Slicer(64, Duration.ofMillis(5));

    private static final String HINT = "After the ERROR line, read and drop what the client still sends (up to"
            + " EchoServer.MAX_DRAIN_BYTES, or its FIN) before you close: closing a socket with unread bytes, or"
            + " receiving bytes after the close, makes the kernel answer with RST.";

    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.LINES);

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    @Points(1)
    void serverDrainsWhatClientKeepsSendingAfterRefusal() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] tooLong = new byte[Framing.MAX_LINE_BYTES + 1];
            Arrays.fill(tooLong, (byte) 'x');
            client.send(tooLong);
            String reply = assertDoesNotThrow(client::readLine, Feedback.expected("a line starting with ERROR once "
                            + tooLong.length + " bytes of a line had come")
                    .but("no reply came").hint(HINT));
            assertTrue(reply != null && reply.startsWith("ERROR"), Feedback.expected("a line starting with ERROR")
                    .but(reply == null ? "the server closed the connection without one" : "it answered \""
                            + reply.substring(0, Math.min(20, reply.length())) + "\"")
                    .hint(HINT));

            assertDoesNotThrow(() -> STILL_SENDING.write(client.socket(), new byte[32 * 64]),
                    Feedback.expected("the server to accept the 2 KiB the client still sent, in small pieces, after the"
                            + " ERROR line").but("a write failed: the server's kernel answered with RST").hint(HINT));
            client.shutdownOutput();

            int end = assertDoesNotThrow(client::read, Feedback.expected("EOF (the server's FIN) after the ERROR line")
                    .but("the connection was reset").hint(HINT));
            assertEquals(-1, end, Feedback.expected("EOF (the server's FIN) after the ERROR line")
                    .but("the server sent more, starting with byte " + end).hint(HINT));
        }
    }
}
