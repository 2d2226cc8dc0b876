package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.probe.OpenSockets;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.LastSeen;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/**
 * After a suite of failures (idle, cut, reset, junk and turned-away clients) the server holds nothing: no
 * CLOSE_WAIT while it runs; close() ends the connections still open with FIN; and after close() its threads and
 * file descriptors are gone. Isolated, so no other test's threads or sockets are counted.
 */
@Isolated
class NoLeaksTest {

    private static final Messages MSG = Messages.of(NoLeaksTest.class);

    /** Each leak check's events take milliseconds on the reference; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    /**
     * For the connection held open until close(): the idle timeout must not end it first, however slow the machine,
     * or a close() that leaves connections open would pass.
     */
    private static final long HELD_IDLE_TIMEOUT_MILLIS = 10_000;

    private final TcpProbe probe = TcpProbe.system();

    /**
     * Clients that fail in every way this lab covers. One is served first; one stays connected and silent (the
     * server must time it out); the others leave in the middle of a line, send junk or an endless line, or reset.
     */
    private static void failureSuite(ServerFixture server) throws IOException {
        LineConnection served = server.connect();
        served.sendLine("PING");
        served.readLine();
        server.connect();
        List<LineConnection> leaving = new ArrayList<>(List.of(served));
        for (int i = 0; i < 3; i++) {
            LineConnection s = server.connect();
            leaving.add(s);
            switch (i) {
                case 0 -> s.send("PIN".getBytes(UTF_8));
                case 1 -> s.send(new byte[] {(byte) 0xff, '\n'});
                default -> s.send(("x".repeat(200) + "\n").getBytes(UTF_8));
            }
        }
        LineConnection reset = server.connect();
        reset.send("PI".getBytes(UTF_8));
        reset.reset();
        for (LineConnection s : leaving) {
            s.close();
        }
    }

    @Test
    @Points(1)
    void noCloseWaitAfterFailureSuite() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            int port = server.start();
            failureSuite(server);
            LastSeen.await(() -> probe.count(port, TcpState.CLOSE_WAIT), n -> n == 0, TcpAssertions.STEADY, WITHIN,
                    n -> MSG.feedback("noCloseWaitAfterFailureSuite", port, n, TcpAssertions.seconds(WITHIN)));
        }
    }

    @Test
    @Points(1)
    void closeSendsFinOnOpenConnections() throws Exception {
        try (ServerFixture server = new ServerFixture(HELD_IDLE_TIMEOUT_MILLIS)) {
            server.start();
            LineConnection held = server.connect();
            held.sendLine("PING");
            ServerFixture.readLine(held, MSG.text("pong"), MSG.text("pong.hint"));
            server.closeServer();
            String rest = ServerFixture.readToEnd(held, MSG.text("finOnClose"), MSG.text("finOnClose.hint"));
            assertEquals("", rest, MSG.feedback("closeSendsFinOnOpenConnections", rest));
        }
    }

    /**
     * One client of each kind, one after another, each waited for until the server has closed its connection:
     * served, gone in the middle of a line, junk, a line over the limit; then one that resets; the last one is
     * served and stays connected.
     */
    private static void servedOneByOne(ServerFixture server) throws IOException {
        sendThenFin(server, "PING\n".getBytes(StandardCharsets.US_ASCII));
        sendThenFin(server, "PIN".getBytes(StandardCharsets.US_ASCII));
        sendThenFin(server, new byte[] {(byte) 0xff, '\n'});
        sendThenFin(server, ("x".repeat(200) + "\n").getBytes(StandardCharsets.US_ASCII));
        LineConnection reset = server.connect();
        reset.send("PI".getBytes(UTF_8));
        reset.reset();
        LineConnection held = server.connect();
        held.sendLine("PING");
        ServerFixture.readLine(held, MSG.text("pong"), MSG.text("pong.hint"));
    }

    /** A client that sends {@code request} and its FIN, then reads until the server's FIN. */
    private static void sendThenFin(ServerFixture server, byte[] request) throws IOException {
        LineConnection client = server.connect();
        client.send(request);
        client.shutdownOutput();
        ServerFixture.readToEnd(client, MSG.text("closeAfterFin"),
                MSG.text("closeAfterFin.hint"));
    }

    @Test
    @Points(1)
    void threadsAndDescriptorsReturnToBaselineAfterClose() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        OpenSockets sockets = OpenSockets.canList() ? OpenSockets.now() : null;
        ServerFixture server = new ServerFixture(HELD_IDLE_TIMEOUT_MILLIS);
        server.start();
        servedOneByOne(server);
        server.close();
        LastSeen.awaitFirst(() -> newThreads(before), List::isEmpty, WITHIN,
                left -> MSG.feedback("threadsAndDescriptorsReturnToBaselineAfterClose", TcpAssertions.seconds(WITHIN),
                        left));
        if (sockets != null) {
            LastSeen.awaitFirst(() -> OpenSockets.since(sockets).size(), n -> n == 0, WITHIN,
                    n -> MSG.feedback("threadsAndDescriptorsReturnToBaselineAfterClose.2", n,
                            TcpAssertions.seconds(WITHIN)));
        }
        // Until here the server, and any socket it still holds, stays reachable: the garbage collector must not
        // close a leaked socket (a Socket's cleaner closes its descriptor) and hide the leak.
        Reference.reachabilityFence(server);
    }

    /** Threads started since {@code before}, other than Awaitility's poller. */
    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && !t.getName().startsWith("awaitility"))
                .map(Thread::getName)
                .toList();
    }
}
