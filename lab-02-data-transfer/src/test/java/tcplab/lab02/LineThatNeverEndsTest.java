package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;

/** A client sends one byte more than the line limit, no newline, and keeps the connection open: it gets ERROR. */
class LineThatNeverEndsTest {

    private static final Messages MSG = Messages.of(LineThatNeverEndsTest.class);

    @AutoClose
    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.LINES);

    @Test
    @Points(1)
    void serverRefusesLineThatNeverEnds() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] endless = new byte[Framing.MAX_LINE_BYTES + 1];
            Arrays.fill(endless, (byte) 'x');
            client.send(endless);

            String hint = MSG.text("hint");
            String reply = assertDoesNotThrow(client::readLine, MSG.feedback("serverRefusesLineThatNeverEnds",
                    endless.length, hint));
            assertTrue(reply != null && reply.startsWith("ERROR"), MSG.feedback("serverRefusesLineThatNeverEnds.2",
                    endless.length, reply == null ? MSG.text("closedWithoutReply") : MSG.text("answered",
                    reply.substring(0, Math.min(20, reply.length()))), hint));
        }
    }
}
