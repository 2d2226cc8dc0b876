package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Feedback;

/** One client stays connected and idle while another is served: the server serves clients at once. */
class ConcurrentClientsTest {

    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.BYTES);

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    @Points(2)
    void serverServesAnotherClientWhileOneStaysIdle() throws Exception {
        int port = server.start();
        try (LineConnection idle = LineConnection.open(port)) {
            assertEcho(idle, "the first client");

            try (LineConnection other = LineConnection.open(port)) {
                other.sendLine("the second client");
                String reply = assertDoesNotThrow(other::readLine, Feedback.expected("the second client to be"
                                + " echoed while the first stays connected and sends nothing")
                        .but("nothing came back")
                        .hint("Each client is served on a thread of its own (acceptLoop() hands it to the workers"
                                + " pool): keep it that way, and never make one client wait for another."));
                assertEquals("the second client", reply, Feedback.expected("\"the second client\" echoed")
                        .but(reply == null ? "the server closed the connection (EOF)" : "it answered \"" + reply + "\"")
                        .hint("serveBytes() copies every byte back as it arrives."));
            }
        }
    }

    private static void assertEcho(LineConnection client, String line) throws Exception {
        client.sendLine(line);
        String reply = assertDoesNotThrow(client::readLine, Feedback.expected("\"" + line + "\" echoed")
                .but("nothing came back").hint("serveBytes() copies every byte back as it arrives, before the FIN."));
        assertEquals(line, reply, Feedback.expected("\"" + line + "\" echoed")
                .but(reply == null ? "the server closed the connection (EOF)" : "it answered \"" + reply + "\"")
                .hint("serveBytes() copies every byte back as it arrives, before the FIN."));
    }
}
