package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/**
 * While the server serves one client, the kernel completes the next clients' handshakes and queues them in the
 * backlog; the server then serves each in turn.
 */
class QueuedClientsTest {

    private static final int QUEUED = 10;

    private final ServerFixture server = ServerFixture.onLoopback();
    private final List<LineConnection> clients = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (LineConnection client : clients) {
            client.close();
        }
        server.close();
    }

    @Test
    @Points(1)
    void clientsQueuedWhileOneIsServedAreServedInTurn() throws Exception {
        int port = server.start();
        LineConnection first = connect(port, "the first client");
        assertEcho(first, "the first client");

        List<LineConnection> queued = new ArrayList<>();
        for (int i = 1; i <= QUEUED; i++) {
            LineConnection client = connect(port, "queued client " + i + " of " + QUEUED);
            client.sendLine("queued client " + i);
            queued.add(client);
        }
        first.close();

        for (int i = 1; i <= QUEUED; i++) {
            LineConnection client = queued.get(i - 1);
            String who = "queued client " + i;
            String reply = assertDoesNotThrow(client::readLine, Feedback.expected(who + " to be served once the"
                            + " clients before it had left")
                    .but("no reply came")
                    .hint("After one client's FIN, close its socket and go back to accept(): the next connection is"
                            + " already waiting in the backlog, with its line."));
            assertEquals(who, reply, Feedback.expected("\"" + who + "\" echoed once the clients before it had left")
                    .but(reply == null ? "the server closed the connection (EOF)" : "it answered \"" + reply + "\"")
                    .hint("Serve the clients one after another: accept(), echo until readLine() returns null, close,"
                            + " accept() again."));
            client.close();
        }
    }

    private LineConnection connect(int port, String who) {
        LineConnection client = assertDoesNotThrow(() -> LineConnection.open(port),
                Feedback.expected(who + " to complete its handshake while the server serves another client")
                        .but("connect() failed")
                        .hint("The kernel queues up to BACKLOG (" + TCPServer.BACKLOG + ") connections that accept()"
                                + " has not taken yet: pass TCPServer.BACKLOG to new ServerSocket(port, backlog, address)."));
        clients.add(client);
        return client;
    }

    private static void assertEcho(LineConnection client, String line) throws Exception {
        client.sendLine(line);
        String reply = client.readLine();
        assertEquals(line, reply, Feedback.expected("the server to echo \"" + line + "\"")
                .but(reply == null ? "it closed the connection (EOF)" : "it answered \"" + reply + "\"")
                .hint("Does echoLines() write back every line it reads, until readLine() returns null?"));
    }
}
