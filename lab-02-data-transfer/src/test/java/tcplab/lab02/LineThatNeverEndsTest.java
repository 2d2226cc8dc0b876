package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Feedback;

/** A client sends one byte more than the line limit, no newline, and keeps the connection open: it gets ERROR. */
class LineThatNeverEndsTest {

    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.LINES);

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    @Points(1)
    void serverRefusesLineThatNeverEnds() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] endless = new byte[Framing.MAX_LINE_BYTES + 1];
            Arrays.fill(endless, (byte) 'x');
            client.send(endless);

            String hint = "Count the bytes of the line as they arrive in readLine(), and throw ProtocolException as soon"
                    + " as there are more than maxLineBytes, without waiting for a \\n that may never come.";
            String reply = assertDoesNotThrow(client::readLine, Feedback.expected("a line starting with ERROR once "
                            + endless.length + " bytes of a line had come, with no \\n and the connection still open")
                    .but("no reply came").hint(hint));
            assertTrue(reply != null && reply.startsWith("ERROR"), Feedback.expected("a line starting with ERROR in"
                            + " answer to a line of " + endless.length + " bytes and counting")
                    .but(reply == null ? "the server closed the connection without one"
                            : "it answered \"" + reply.substring(0, Math.min(20, reply.length())) + "\"")
                    .hint(hint));
        }
    }
}
