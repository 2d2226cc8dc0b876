package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/** The server serves clients one after another: after one client leaves, it accepts the next. */
class SequentialClientsTest {

    private static final int CLIENTS = 5;

    private final ServerFixture server = ServerFixture.onLoopback();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(1)
    void serverServesClientsOneAfterAnother() throws Exception {
        int port = server.start();
        for (int i = 1; i <= CLIENTS; i++) {
            String who = "client " + i + " of " + CLIENTS;
            String hint = "Does acceptLoop() go back to accept() after each client, and keep the listening socket open?";
            LineConnection client = assertDoesNotThrow(() -> LineConnection.open(port),
                    Feedback.expected(who + " to connect").but("connect() failed").hint(hint));
            try (client) {
                String reply = assertDoesNotThrow(() -> {
                    client.sendLine("hello from " + who);
                    return client.readLine();
                }, Feedback.expected(who + " to get a reply").but("the connection failed").hint(hint));
                assertNotNull(reply, Feedback.expected(who + " to get a reply")
                        .but("the server closed the connection without one").hint(hint));
            }
        }
    }
}
