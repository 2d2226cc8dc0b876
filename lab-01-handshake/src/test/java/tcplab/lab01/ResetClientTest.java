package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Messages;

/** A client that connects and at once resets the connection (RST) does not stop the server. */
class ResetClientTest {

    private static final Messages MSG = Messages.of(ResetClientTest.class);

    @AutoClose
    private final ServerFixture server = ServerFixture.onLoopback();

    @Test
    @Points(2)
    void serverSurvivesClientThatResets() throws Exception {
        int port = server.start();
        LineConnection.open(port).reset();

        String hint = MSG.text("reset.hint");
        try (LineConnection next = LineConnection.open(port)) {
            String reply = assertDoesNotThrow(() -> {
                next.sendLine("after the reset");
                return next.readLine();
            }, MSG.feedback("serverSurvivesClientThatResets", hint));
            assertNotNull(reply, MSG.feedback("serverSurvivesClientThatResets.2", hint));
        }
    }
}
