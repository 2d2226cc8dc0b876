package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.ServerLeftovers;

/**
 * After clients that leave with FIN and clients that reset (RST), a closed server leaves nothing behind: no
 * connection in CLOSE_WAIT, no thread, no open descriptor.
 */
// Alone: threads and descriptors are counted for the whole JVM, and other test classes open their own.
@Isolated
class ServerLeakTest {

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

        baseline.assertNoneLeft(probe, port, WITHIN, "Close every client's socket whatever happens, with"
                + " try (client) { ... } in serve(), also when readLine() throws \"Connection reset\"; and leave"
                + " acceptLoop() once close() has closed the listening socket, instead of calling accept() again.");
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
                    assertEquals(line, reply, Feedback.expected("the server to echo \"" + line + "\"")
                            .but(reply == null ? "it closed the connection (EOF)" : "it answered \"" + reply + "\"")
                            .hint("Serve client after client: echo each line until readLine() returns null, then"
                                    + " close and accept() again."));
                    if (i % 2 == 0) {
                        client.reset();
                    }
                }
            }
            return port;
        }
    }
}
