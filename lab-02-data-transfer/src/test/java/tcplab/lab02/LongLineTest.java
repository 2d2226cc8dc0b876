package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;

/** The line server answers a line over the limit with an ERROR line, closes with FIN, and goes on serving others. */
class LongLineTest {

    private static final Messages MSG = Messages.of(LongLineTest.class);

    @AutoClose
    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.LINES);

    @Test
    @Points(1)
    void serverAnswersLineOverTheLimitWithError() throws Exception {
        int port = server.start();
        String hint = MSG.text("hint");
        try (LineConnection client = LineConnection.open(port)) {
            client.send(("x".repeat(Framing.MAX_LINE_BYTES + 1) + "\n").getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();

            String reply = client.readLine();
            assertTrue(reply != null && reply.startsWith("ERROR"),
                    MSG.feedback("serverAnswersLineOverTheLimitWithError", (Framing.MAX_LINE_BYTES + 1),
                    reply == null ? MSG.text("closedWithoutReply") : MSG.text("answeredLong", reply.length(),
                    reply.substring(0, Math.min(20, reply.length()))), hint));
            assertEquals(-1, client.read(), MSG.feedback("serverAnswersLineOverTheLimitWithError.2", hint));
        }
        try (LineConnection next = LineConnection.open(port)) {
            next.sendLine("hello");
            assertEquals("hello", next.readLine(), MSG.feedback("serverAnswersLineOverTheLimitWithError.3"));
        }
    }
}
