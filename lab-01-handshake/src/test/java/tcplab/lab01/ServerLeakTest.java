package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Messages;
import tcplab.support.teach.ServerLeftovers;

/**
 * After clients that leave with FIN and clients that reset (RST), a closed server leaves nothing behind: no
 * connection in CLOSE_WAIT, no thread, no open descriptor.
 */
// Alone: threads and descriptors are counted for the whole JVM, and other test classes open their own.
@Isolated
class ServerLeakTest {

    private static final Messages MSG = Messages.of(ServerLeakTest.class);

    private static final int CLIENTS = 8;
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    @Points(2)
    void closedServerLeavesNoConnectionThreadOrDescriptor() throws Exception {
        TcpProbe probe = TcpProbe.system();
        probe.count(0, TcpState.CLOSE_WAIT);
        // A first round loads what the second needs, so the baseline already counts the jars and classes it opens.
        serveRound();
        ServerLeftovers baseline = ServerLeftovers.baseline();

        int port = serveRound();

        baseline.assertNoneLeft(probe, port, WITHIN, MSG.text("leftovers.hint"));
    }

    /** Serves {@link #CLIENTS} clients, every other one resetting, closes the server, and returns its port. */
    private static int serveRound() throws Exception {
        try (ServerFixture server = ServerFixture.onLoopback()) {
            int port = server.start();
            for (int i = 1; i <= CLIENTS; i++) {
                try (LineConnection client = LineConnection.open(port)) {
                    String line = "client " + i;
                    client.sendLine(line);
                    String reply = client.readLine();
                    assertEquals(line, reply, MSG.feedback("serveRound", line,
                        reply == null ? MSG.text("eof") : MSG.text("answered", reply)));
                    if (i % 2 == 0) {
                        client.reset();
                    }
                }
            }
            return port;
        }
    }
}
