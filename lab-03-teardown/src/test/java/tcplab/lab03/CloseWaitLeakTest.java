package tcplab.lab03;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** After many clients have come and gone, the server holds no connection in CLOSE_WAIT. */
class CloseWaitLeakTest {

    private static final int CLIENTS = 50;
    private static final Duration WITHIN = Duration.ofSeconds(2);

    private final TcpProbe probe = TcpProbe.system();
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(3)
    void serverHoldsNoCloseWaitAfterFiftyClients() throws Exception {
        TcpAssertions.assumeCanShow(probe, TcpState.CLOSE_WAIT);
        int port = server.start();
        for (int i = 1; i <= CLIENTS; i++) {
            try (LineConnection client = LineConnection.open(port)) {
                client.send(("request " + i).getBytes(StandardCharsets.US_ASCII));
                client.shutdownOutput();
                client.readLine();
            }
        }

        TcpAssertions.awaitSteady(() -> probe.count(port, TcpState.CLOSE_WAIT) == 0, TcpAssertions.STEADY, WITHIN,
                () -> Feedback.expected("no connection of the server (port " + port + ") in CLOSE_WAIT after "
                                + CLIENTS + " clients sent their request, read the reply and closed")
                        .but(probe.count(port, TcpState.CLOSE_WAIT) + " are still in CLOSE_WAIT after "
                                + TcpAssertions.seconds(WITHIN))
                        .hint("CLOSE_WAIT means the client's FIN arrived and the server never called close()."
                                + " Close the client's socket in serve() whatever happens, with try-with-resources."));
        TcpAssertions.awaitSteady(() -> openConnections(port) == 0, TcpAssertions.STEADY, WITHIN,
                () -> Feedback.expected("the server's open connections to return to 0 after its clients left")
                        .but(openConnections(port) + " remain: " + probe.connections().stream()
                                .filter(c -> c.localPort() == port && c.remotePort() != 0).toList())
                        .hint("Each connection the server accepts must be closed once its exchange is over."));
    }

    /** The server's connections in any state but LISTEN; a server that closes second never holds TIME_WAIT. */
    private long openConnections(int port) {
        return probe.connections().stream().filter(c -> c.localPort() == port && c.remotePort() != 0).count();
    }
}
