package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/** With both workers taken, a third client gets BUSY and a FIN at once, not a hang. */
class BusyTest {

    private static final long HELD_IDLE_TIMEOUT_MILLIS = 10_000;

    @Test
    @Points(2)
    void clientBeyondCapacityGetsBusyAndClose() throws Exception {
        // The held clients must not be cut off by the idle timeout while the third one connects, however slow the
        // machine: a long idle timeout here.
        try (ServerFixture server = new ServerFixture(HELD_IDLE_TIMEOUT_MILLIS)) {
            server.start();
            for (int i = 0; i < ServerFixture.WORKERS; i++) {
                LineConnection held = server.connect();
                held.sendLine("PING");
                String reply = ServerFixture.readLine(held, "PONG for client " + (i + 1) + " of "
                        + ServerFixture.WORKERS + " while the others stay connected",
                        "Serve each connection on a worker of its own.");
                assertEquals("PONG", reply, Feedback.expected("PONG for client " + (i + 1)).but("the reply was \""
                        + reply + "\"").hint("Answer PING with PONG."));
            }
            LineConnection third = server.connect();
            String answer = ServerFixture.readToEnd(third, "the third client, beyond 2 workers, to get \"BUSY\" and a"
                    + " FIN at once", "Use a bounded pool, and answer BUSY when it is full.");
            assertEquals("BUSY\n", answer, Feedback.expected("\"BUSY\\n\" then FIN")
                    .but("it got \"" + answer.replace("\n", "\\n") + "\"")
                    .hint("Write BUSY, then close the connection."));
        }
    }
}
