package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;

/** A client that stays connected and idle does not hold up another client: the server serves clients at once. */
class ConcurrentClientsTest {

    private static final Messages MSG = Messages.of(ConcurrentClientsTest.class);

    @AutoClose
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);
    @AutoClose
    private final ServerLog log = new ServerLog();

    @Test
    @Points(2)
    void idleClientDoesNotHoldUpAnother() throws Throwable {
        int port = server.start();
        try (LineConnection idle = LineConnection.open(port); LineConnection busy = LineConnection.open(port)) {
            idle.send("the start of a request that never ends".getBytes(StandardCharsets.US_ASCII));
            log.awaitAccepted(idle.localPort());
            busy.send(Requests.MIXED);
            busy.shutdownOutput();
            // Longer than StudentCode.WITHIN, so that StudentCode's message, not the connection's, reports a hang.
            busy.socket().setSoTimeout((int) StudentCode.WITHIN.plus(Duration.ofSeconds(1)).toMillis());

            String reply = StudentCode.bounded(MSG.feedback("idleClientDoesNotHoldUpAnother",
                    StudentCode.WITHIN.toSeconds(), HalfCloseServer.MAX_CLIENTS),
                    busy::readLine);
            assertEquals(Requests.digestLine(Requests.MIXED), reply,
                    MSG.feedback("idleClientDoesNotHoldUpAnother.2", reply));
        }
    }
}
