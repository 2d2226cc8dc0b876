package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;

/** One client stays connected and idle while another is served: the server serves clients at once. */
class ConcurrentClientsTest {

    private static final Messages MSG = Messages.of(ConcurrentClientsTest.class);

    @AutoClose
    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.BYTES);

    @Test
    @Points(2)
    void serverServesAnotherClientWhileOneStaysIdle() throws Exception {
        int port = server.start();
        try (LineConnection idle = LineConnection.open(port)) {
            assertEcho(idle, "the first client");

            try (LineConnection other = LineConnection.open(port)) {
                other.sendLine("the second client");
                String reply = assertDoesNotThrow(other::readLine,
                        MSG.feedback("serverServesAnotherClientWhileOneStaysIdle"));
                assertEquals("the second client", reply, MSG.feedback("serverServesAnotherClientWhileOneStaysIdle.2",
                        reply == null ? MSG.text("serverEof") : MSG.text("answered", reply)));
            }
        }
    }

    private static void assertEcho(LineConnection client, String line) throws Exception {
        client.sendLine(line);
        String reply = assertDoesNotThrow(client::readLine, MSG.feedback("assertEcho", line));
        assertEquals(line, reply, MSG.feedback("assertEcho.2", line,
                reply == null ? MSG.text("serverEof") : MSG.text("answered", reply)));
    }
}
