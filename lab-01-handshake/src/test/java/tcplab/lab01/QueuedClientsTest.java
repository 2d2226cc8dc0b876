package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Messages;

/**
 * While the server serves one client, the kernel completes the next clients' handshakes and queues them in the
 * backlog; the server then serves each in turn.
 */
class QueuedClientsTest {

    private static final Messages MSG = Messages.of(QueuedClientsTest.class);

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
            String reply = assertDoesNotThrow(client::readLine,
                    MSG.feedback("clientsQueuedWhileOneIsServedAreServedInTurn", who));
            assertEquals(who, reply, MSG.feedback("clientsQueuedWhileOneIsServedAreServedInTurn.2", who,
                    reply == null ? MSG.text("serverEof") : MSG.text("answered", reply)));
            client.close();
        }
    }

    private LineConnection connect(int port, String who) {
        LineConnection client = assertDoesNotThrow(() -> LineConnection.open(port),
                MSG.feedback("connect", who, TCPServer.BACKLOG));
        clients.add(client);
        return client;
    }

    private static void assertEcho(LineConnection client, String line) throws Exception {
        client.sendLine(line);
        String reply = client.readLine();
        assertEquals(line, reply, MSG.feedback("assertEcho", line,
                        reply == null ? MSG.text("eof") : MSG.text("answered", reply)));
    }
}
