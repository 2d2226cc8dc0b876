package tcplab.lab03;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.LastSeen;
import tcplab.support.teach.TcpAssertions;

/** After many clients have come and gone, the server holds no connection in CLOSE_WAIT. */
class CloseWaitLeakTest {

    private static final int CLIENTS = 20;
    /** The reference closes each connection within milliseconds; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final TcpProbe probe = TcpProbe.system();
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @AfterEach
    void stopServer() {
        server.close();
    }

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
                n -> Feedback.expected("no connection of the server (port " + port + ") in CLOSE_WAIT after "
                                + CLIENTS + " clients sent their request, read the reply and closed")
                        .but(n + " were still in CLOSE_WAIT after " + TcpAssertions.seconds(WITHIN))
                        .hint("CLOSE_WAIT means the client's FIN arrived and the server never called close()."
                                + " Close the client's socket in serve() whatever happens, with try-with-resources."));
        LastSeen.await(() -> openConnections(port), List::isEmpty, TcpAssertions.STEADY, WITHIN,
                open -> Feedback.expected("the server's open connections to return to 0 after its clients left")
                        .but(open.size() + " remained after " + TcpAssertions.seconds(WITHIN) + ": " + open)
                        .hint("Each connection the server accepts must be closed once its exchange is over."));
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
                log.await("closed", clientPort, "a log line with \"closed\" naming the client 127.0.0.1:" + clientPort,
                        "Log the close in serve(), in a finally block, with the peer's address: e.g."
                                + " log.info(\"closed {}\", client.getRemoteSocketAddress()).");
            }
        }
    }

    /** The server's connections in any state but LISTEN; a server that closes second never holds TIME_WAIT. */
    private List<TcpConnection> openConnections(int port) {
        return probe.connections().stream().filter(c -> c.localPort() == port && c.remotePort() != 0).toList();
    }
}
