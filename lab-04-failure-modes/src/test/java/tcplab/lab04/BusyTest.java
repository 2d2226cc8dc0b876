package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/** With both workers taken, a third client gets BUSY and a FIN at once, not a hang. */
class BusyTest {

    @Test
    @Points(2)
    void clientBeyondCapacityGetsBusyAndClose() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            for (int i = 0; i < ServerFixture.WORKERS; i++) {
                LineConnection held = server.connect();
                held.sendLine("PING");
                String reply = ServerFixture.readLine(held, "PONG for client " + (i + 1) + " of "
                        + ServerFixture.WORKERS + " while the others stay connected",
                        "Serve each connection on a worker of its own.");
                assertEquals("PONG", reply, "client " + (i + 1) + " should be served");
            }
            LineConnection third = server.connect();
            String answer = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> ServerFixture.readToEnd(third),
                    Feedback.expected("the third client, beyond 2 workers, to get \"BUSY\" and a FIN within 1 s")
                            .but("it got nothing").hint("Use a bounded pool, and answer BUSY when it is full."));
            assertEquals("BUSY\n", answer, Feedback.expected("\"BUSY\\n\" then FIN")
                    .but("it got \"" + answer.replace("\n", "\\n") + "\"")
                    .hint("Write BUSY, then close the connection."));
        }
    }
}
