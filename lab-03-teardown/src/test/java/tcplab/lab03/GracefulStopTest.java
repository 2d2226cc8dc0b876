package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.ref.Reference;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.probe.OpenSockets;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.LastSeen;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;
import tcplab.support.teach.TcpAssertions;

/**
 * {@code stop()} refuses new clients, lets exchanges in flight finish, ends the others with FIN, and leaves no
 * thread and no open descriptor behind. Isolated, so that no other test's threads are counted.
 */
@Isolated
class GracefulStopTest {

    private static final Messages MSG = Messages.of(GracefulStopTest.class);

    /** Each awaited event takes milliseconds on the reference; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final Duration GRACE = Duration.ofMillis(2500);
    /**
     * Longer than the exchange in flight takes, even on a loaded machine, and longer than StudentCode.WITHIN: a stop()
     * that waits out the whole grace instead of returning when the exchange is over is still running at the check.
     */
    private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(8);
    private static final byte[] FIRST_HALF = "the first half of a request, ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECOND_HALF = "and the second half".getBytes(StandardCharsets.US_ASCII);

    private final TcpProbe probe = TcpProbe.system();
    @AutoClose
    private final ServerLog log = new ServerLog();
    @AutoClose
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @Test
    @Points(2)
    void stopLetsExchangeInFlightFinish() throws Throwable {
        TcpAssertions.assumeCanShow(probe, TcpState.LISTEN);
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            client.send(FIRST_HALF);
            log.awaitAccepted(client.localPort());

            CompletableFuture<Void> stopping = StudentCode.start(() -> {
                server.stop(IN_FLIGHT_GRACE);
                return null;
            });
            TcpAssertions.awaitCondition(() -> probe.listener(port).isEmpty(), WITHIN,
                    () -> MSG.feedback("stopLetsExchangeInFlightFinish", port));
            assertThrows(ConnectException.class, () -> LineConnection.open(port).close(),
                    MSG.feedback("stopLetsExchangeInFlightFinish.2"));

            client.send(SECOND_HALF);
            client.shutdownOutput();
            String whole = new String(FIRST_HALF, StandardCharsets.US_ASCII)
                    + new String(SECOND_HALF, StandardCharsets.US_ASCII);
            assertEquals(Requests.digestLine(whole.getBytes(StandardCharsets.US_ASCII)), client.readLine(),
                    MSG.feedback("stopLetsExchangeInFlightFinish.3"));
            StudentCode.await(stopping,
                    MSG.feedback("stopLetsExchangeInFlightFinish.4", StudentCode.WITHIN.toSeconds()));
        }
    }

    @Test
    @Points(1)
    void stopEndsRemainingConnectionsWithFin() throws Throwable {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            client.send(FIRST_HALF);
            log.awaitAccepted(client.localPort());
            StudentCode.start(() -> {
                server.stop(Duration.ofMillis(200));
                return null;
            });

            Socket socket = client.socket();
            int end = assertDoesNotThrow(() -> socket.getInputStream().read(),
                    MSG.feedback("stopEndsRemainingConnectionsWithFin"));
            assertEquals(-1, end, MSG.feedback("stopEndsRemainingConnectionsWithFin.2"));
        }
    }

    @Test
    @Points(1)
    void stopLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        int port = server.start();
        for (int i = 0; i < 3; i++) {
            try (LineConnection client = LineConnection.open(port)) {
                client.send(FIRST_HALF);
                client.shutdownOutput();
                client.readLine();
            }
        }

        server.stop(GRACE);
        server.stop(GRACE);

        TcpAssertions.awaitCondition(() -> newThreads(before).isEmpty(), WITHIN,
                () -> MSG.feedback("stopLeavesNoThreadBehind", newThreads(before)));
    }

    @Test
    @Points(1)
    void stopLeavesNoDescriptorBehind() throws Exception {
        Assumptions.assumeTrue(OpenSockets.canList(), "this platform does not list a process's open sockets");
        OpenSockets before = OpenSockets.now();
        int port = server.start();
        for (int i = 0; i < 3; i++) {
            try (LineConnection client = LineConnection.open(port)) {
                client.send(FIRST_HALF);
                client.shutdownOutput();
                client.readLine();
            }
        }
        server.stop(GRACE);

        LastSeen.awaitFirst(() -> OpenSockets.since(before).size(), n -> n == 0, WITHIN,
                n -> MSG.feedback("stopLeavesNoDescriptorBehind", n, TcpAssertions.seconds(WITHIN)));
        // The server, and any socket it still holds, stays reachable until here: the garbage collector must not
        // close a leaked socket (a Socket's cleaner closes its descriptor) and hide the leak.
        Reference.reachabilityFence(server);
    }

    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon() && t != Thread.currentThread())
                .map(Thread::getName)
                .toList();
    }
}
