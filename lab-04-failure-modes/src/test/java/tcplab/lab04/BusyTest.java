package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Messages;

/** With both workers taken, a third client gets BUSY and a FIN at once, not a hang. */
class BusyTest {

    private static final Messages MSG = Messages.of(BusyTest.class);

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
                String reply = ServerFixture.readLine(held, MSG.text("held", (i + 1), ServerFixture.WORKERS),
                        MSG.text("held.hint"));
                assertEquals("PONG", reply, MSG.feedback("clientBeyondCapacityGetsBusyAndClose", (i + 1),
                        reply));
            }
            LineConnection third = server.connect();
            String answer = ServerFixture.readToEnd(third, MSG.text("third"),
                    MSG.text("third.hint"));
            assertEquals("BUSY\n", answer, MSG.feedback("clientBeyondCapacityGetsBusyAndClose.2",
                    answer.replace("\n", "\\n")));
        }
    }
}
