package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Messages;
import tcplab.support.teach.ServerLeftovers;

/**
 * After clients that leave with FIN and clients that reset (RST), a closed byte server leaves nothing behind: no
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

    /** Serves {@link #CLIENTS} clients at once, every other one resetting, closes the server, returns its port. */
    private static int serveRound() throws Exception {
        try (EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.BYTES)) {
            int port = server.start();
            LineConnection[] clients = new LineConnection[CLIENTS];
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    clients[i] = LineConnection.open(port);
                    String line = "client " + (i + 1);
                    clients[i].sendLine(line);
                    String reply = clients[i].readLine();
                    assertEquals(line, reply, MSG.feedback("serveRound", line,
                            reply == null ? MSG.text("eof") : MSG.text("answered", reply)));
                }
                for (int i = 0; i < CLIENTS; i++) {
                    if (i % 2 == 1) {
                        clients[i].reset();
                    } else {
                        clients[i].shutdownOutput();
                        int end = clients[i].read();
                        assertEquals(-1, end, MSG.feedback("serveRound.2", end));
                    }
                }
            } finally {
                for (LineConnection client : clients) {
                    if (client != null) {
                        client.close();
                    }
                }
            }
            return port;
        }
    }
}
