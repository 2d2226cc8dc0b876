package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/** A client that connects and at once resets the connection (RST) does not stop the server. */
class ResetClientTest {

    private final ServerFixture server = ServerFixture.onLoopback();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(2)
    void serverSurvivesClientThatResets() throws Exception {
        int port = server.start();
        LineConnection.open(port).reset();

        String hint = "A reset makes readLine() throw \"Connection reset\". Catch IOException around each client,"
                + " log it, close that socket, and go back to accept().";
        try (LineConnection next = LineConnection.open(port)) {
            String reply = assertDoesNotThrow(() -> {
                next.sendLine("after the reset");
                return next.readLine();
            }, Feedback.expected("the next client to be served after a client reset its connection")
                    .but("its connection failed").hint(hint));
            assertNotNull(reply, Feedback.expected("the next client to get a reply after a client reset its connection")
                    .but("the server closed the connection without one").hint(hint));
        }
    }
}
