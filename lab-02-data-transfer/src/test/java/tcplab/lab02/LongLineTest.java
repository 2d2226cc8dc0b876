package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Feedback;

/** The line server answers a line over the limit with an ERROR line, closes with FIN, and goes on serving others. */
class LongLineTest {

    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.LINES);

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    @Points(1)
    void serverAnswersLineOverTheLimitWithError() throws Exception {
        int port = server.start();
        String hint = "Catch ProtocolException from readLine(), write the line \"ERROR <reason>\", then close the"
                + " connection; read and drop what the client still sends first, or the close sends RST.";
        try (LineConnection client = LineConnection.open(port)) {
            client.send(("x".repeat(Framing.MAX_LINE_BYTES + 1) + "\n").getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();

            String reply = client.readLine();
            assertTrue(reply != null && reply.startsWith("ERROR"), Feedback.expected("a line starting with ERROR"
                            + " in answer to a line of " + (Framing.MAX_LINE_BYTES + 1) + " bytes")
                    .but(reply == null ? "the server closed the connection without one"
                            : "it answered " + reply.length() + " characters starting \""
                                    + reply.substring(0, Math.min(20, reply.length())) + "\"")
                    .hint(hint));
            assertEquals(-1, client.read(), Feedback.expected("the server to close the connection after the ERROR line")
                    .but("it sent more").hint(hint));
        }
        try (LineConnection next = LineConnection.open(port)) {
            next.sendLine("hello");
            assertEquals("hello", next.readLine(), Feedback.expected("the next client's line to be echoed")
                    .but("it was not").hint("One client's bad input must end only that client's connection."));
        }
    }
}
