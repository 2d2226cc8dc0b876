package tcplab.lab03;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.LastSeen;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** After many clients have come and gone, the server holds no connection in CLOSE_WAIT. */
class CloseWaitLeakTest {

    private static final Messages MSG = Messages.of(CloseWaitLeakTest.class);

    private static final int CLIENTS = 20;
    /** The reference closes each connection within milliseconds; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final TcpProbe probe = TcpProbe.system();
    @AutoClose
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @Test
    @Points(3)
    void serverHoldsNoCloseWaitAfterTwentyClients() throws Exception {
        TcpAssertions.assumeCanShow(probe, TcpState.CLOSE_WAIT);
        int port = server.start();
        for (int i = 1; i <= CLIENTS; i++) {
            try (LineConnection client = LineConnection.open(port)) {
                client.send(("request " + i).getBytes(StandardCharsets.US_ASCII));
                client.shutdownOutput();
                client.readLine();
            }
        }

        LastSeen.await(() -> probe.count(port, TcpState.CLOSE_WAIT), n -> n == 0, TcpAssertions.STEADY, WITHIN,
                n -> MSG.feedback("serverHoldsNoCloseWaitAfterTwentyClients", port, CLIENTS, n,
                        TcpAssertions.seconds(WITHIN)));
        LastSeen.await(() -> openConnections(port), List::isEmpty, TcpAssertions.STEADY, WITHIN,
                open -> MSG.feedback("serverHoldsNoCloseWaitAfterTwentyClients.2", open.size(),
                        TcpAssertions.seconds(WITHIN), open));
    }

    /** The server logs each close with the client's address, whatever the exchange did. */
    @Test
    @Points(1)
    void serverLogsEachCloseWithThePeerAddress() throws Exception {
        // The log opens first: a failure message shows the lines of the server threads started after it.
        try (ServerLog log = new ServerLog()) {
            int port = server.start();
            try (LineConnection client = LineConnection.open(port)) {
                int clientPort = client.localPort();
                client.send(Requests.MIXED);
                client.shutdownOutput();
                client.readLine();
                log.await("closed", clientPort, MSG.text("closedLine", clientPort), MSG.text("closedLine.hint"));
            }
        }
    }

    /** The server's connections in any state but LISTEN; a server that closes second never holds TIME_WAIT. */
    private List<TcpConnection> openConnections(int port) {
        return probe.connections().stream().filter(c -> c.localPort() == port && c.remotePort() != 0).toList();
    }
}
