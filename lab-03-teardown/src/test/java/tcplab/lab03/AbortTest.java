package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** The client's abort() sends RST: neither side keeps a trace, and the server logs the reset and serves on. */
class AbortTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    private final TcpProbe probe = TcpProbe.system();
    private final CompletableFuture<String> peerSaw = new CompletableFuture<>();
    private ScriptedPeer peer;
    private HalfCloseClient client;
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);
    private final ServerLog log = new ServerLog();

    @AfterEach
    void closeAll() throws Exception {
        if (client != null) {
            client.close();
        }
        if (peer != null) {
            peer.close();
        }
        server.close();
        log.close();
    }

    @Test
    @Points(2)
    void abortLeavesNoTimeWaitOnEitherSide() throws Throwable {
        TcpAssertions.assumeCanShow(probe, TcpState.TIME_WAIT);
        peer = ScriptedPeer.start(socket -> {
            try {
                ScriptedPeer.readUntilFin(socket);
                peerSaw.complete("EOF, that is a FIN");
            } catch (SocketException e) {
                peerSaw.complete("a reset: " + e.getMessage());
            }
        });
        client = new HalfCloseClient("127.0.0.1", peer.port());
        client.connect();
        int clientPort = client.localPort();

        Bounded.call("abort() did not return", () -> {
            client.abort();
            return null;
        });

        String hint = "abort() must send RST: socket.setSoLinger(true, 0), then close(). A plain close() sends FIN,"
                + " and the side that sends the first FIN holds TIME_WAIT.";
        TcpAssertions.awaitCondition(() -> peerSaw.isDone(), WITHIN,
                () -> Feedback.expected("the server to notice the abort").but("it noticed nothing").hint(hint));
        TcpAssertions.awaitSteady(() -> probe.stateOf(clientPort, peer.port()) == TcpState.CLOSED
                        && probe.stateOf(peer.port(), clientPort) == TcpState.CLOSED, TcpAssertions.STEADY, WITHIN,
                () -> Feedback.expected("no trace of the connection on either side after abort()")
                        .but("the client's end is " + probe.stateOf(clientPort, peer.port()) + " and the server's is "
                                + probe.stateOf(peer.port(), clientPort) + "; the server read " + peerSaw.join())
                        .hint(hint));
    }

    @Test
    @Points(1)
    void serverLogsResetAndServesNextClient() throws Exception {
        int port = server.start();
        int resetPort;
        try (LineConnection aborting = LineConnection.open(port)) {
            resetPort = aborting.localPort();
            aborting.send(Requests.MIXED);
            log.awaitAccepted(resetPort);
            aborting.reset();
        }

        log.await("reset", resetPort, "a log line with \"reset\" naming the client 127.0.0.1:" + resetPort,
                "Catch the IOException of a reset in serve() and log it with the peer's address, e.g."
                        + " log.info(\"reset by {}\", client.getRemoteSocketAddress()).");
        try (LineConnection next = LineConnection.open(port)) {
            next.send(Requests.MIXED);
            next.shutdownOutput();
            assertEquals(Requests.digestLine(Requests.MIXED), next.readLine(),
                    Feedback.expected("the next client to get its digest").but("it did not")
                            .hint("One client's reset must end only its own connection."));
        }
    }
}
