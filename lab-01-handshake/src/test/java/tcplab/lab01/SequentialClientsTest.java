package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Messages;

/** The server serves clients one after another: after one client leaves, it accepts the next. */
class SequentialClientsTest {

    private static final Messages MSG = Messages.of(SequentialClientsTest.class);

    private static final int CLIENTS = 5;

    @AutoClose
    private final ServerFixture server = ServerFixture.onLoopback();

    @Test
    @Points(1)
    void serverServesClientsOneAfterAnother() throws Exception {
        int port = server.start();
        for (int i = 1; i <= CLIENTS; i++) {
            String who = "client " + i + " of " + CLIENTS;
            String hint = MSG.text("acceptLoop.hint");
            LineConnection client = assertDoesNotThrow(() -> LineConnection.open(port),
                    MSG.feedback("serverServesClientsOneAfterAnother", who, hint));
            try (client) {
                String reply = assertDoesNotThrow(() -> {
                    client.sendLine("hello from " + who);
                    return client.readLine();
                }, MSG.feedback("serverServesClientsOneAfterAnother.2", who, hint));
                assertNotNull(reply, MSG.feedback("serverServesClientsOneAfterAnother.3", who, hint));
            }
        }
    }
}
