package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.LastSeen;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;
import tcplab.support.teach.TcpAssertions;

/** The client's abort() sends RST: neither side keeps a trace, and the server logs the reset and serves on. */
class AbortTest {

    private static final Messages MSG = Messages.of(AbortTest.class);

    /** An RST ends both ends within milliseconds; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

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
                peerSaw.complete(MSG.text("peerSawFin"));
            } catch (SocketException e) {
                peerSaw.complete(MSG.text("peerSawReset", e.getMessage()));
            }
        });
        client = new HalfCloseClient("127.0.0.1", peer.port());
        client.connect();
        int clientPort = client.localPort();

        StudentCode.bounded(MSG.feedback("abortReturns", StudentCode.WITHIN.toSeconds()), () -> {
            client.abort();
            return null;
        });

        String hint = MSG.text("hint");
        TcpAssertions.awaitCondition(() -> peerSaw.isDone(), WITHIN,
                () -> MSG.feedback("abortLeavesNoTimeWaitOnEitherSide", hint));
        LastSeen.await(() -> ends(clientPort, peer.port()),
                ends -> ends.equals(List.of(TcpState.CLOSED, TcpState.CLOSED)), TcpAssertions.STEADY, WITHIN,
                ends -> MSG.feedback("abortLeavesNoTimeWaitOnEitherSide.2", TcpAssertions.seconds(WITHIN),
                        ends.get(0), ends.get(1), peerSaw.join(), hint));
    }

    /** The client's end and the server's end, from one reading of the kernel's table. */
    private List<TcpState> ends(int clientPort, int serverPort) {
        List<TcpConnection> now = probe.connections();
        return List.of(stateIn(now, clientPort, serverPort), stateIn(now, serverPort, clientPort));
    }

    private static TcpState stateIn(List<TcpConnection> table, int localPort, int remotePort) {
        return table.stream()
                .filter(c -> c.localPort() == localPort && c.remotePort() == remotePort && c.state() != TcpState.LISTEN)
                .map(TcpConnection::state)
                .findFirst()
                .orElse(TcpState.CLOSED);
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

        log.await("reset", resetPort, MSG.text("resetLine", resetPort),
                MSG.text("resetLine.hint"));
        try (LineConnection next = LineConnection.open(port)) {
            next.send(Requests.MIXED);
            next.shutdownOutput();
            assertEquals(Requests.digestLine(Requests.MIXED), next.readLine(),
                    MSG.feedback("serverLogsResetAndServesNextClient"));
        }
    }
}
