package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.kit.Visibility;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/** An instructor's hidden test: one connection carries 200 lines, and every one comes back in order. */
class LongSessionTest {

    private static final int LINES = 200;

    @AutoClose
    private final ServerFixture server = ServerFixture.onLoopback();

    @Test
    @Points(value = 2, visibility = Visibility.AFTER_PUBLISHED)
    void serverEchoesTwoHundredLinesOnOneConnection() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            for (int i = 1; i <= LINES; i++) {
                client.sendLine("line " + i);
                assertEquals("line " + i, client.readLine(),
                        Feedback.expected("line " + i + " of " + LINES + " to come back on the same connection")
                                .but("it did not").hint("Does echoLines() loop until readLine() returns null?"));
            }
        }
    }
}
