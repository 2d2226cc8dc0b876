package tcplab.lab01;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tcplab.lab01.ConnectPolicy.Sleeper;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.TcpAssertions;

/**
 * Plays one echo exchange between {@link TCPClient} and {@link TCPServer} and prints, after each application step,
 * the kernel's TCP state of both ends. Runs against whichever code is compiled: the student's or the solution's.
 *
 * <p>{@code ./mvnw -q -pl solutions/lab-01-handshake -am test-compile exec:java@life}
 */
public final class ConnectionLife {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final String ROW = "%-2s %-36s %-32s %-13s %s%n";
    private static final TcpProbe PROBE = TcpProbe.system();

    private ConnectionLife() {
    }

    @SuppressWarnings("try") // closing inside the try block is the step being shown
    public static void main(String[] args) throws Exception {
        System.out.println("The life of one TCP connection, lab 01, with the code in "
                + TCPServer.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        System.out.println();
        System.out.printf(ROW, "#", "client", "server", "client end", "server end");

        // 1. The server opens its listening socket; the kernel now answers SYNs on that port.
        try (TCPServer server = new TCPServer(Loopback.HOST, 0)) {
            int serverPort = server.start();
            TcpState listening = settle(() -> listenerState(serverPort), Set.of(TcpState.LISTEN));
            System.out.printf(ROW, "1", "", "listen() on 127.0.0.1:" + serverPort, "-", show(listening));

            // 2. connect() returns once SYN, SYN-ACK and ACK are through; accept() takes the connection from the queue.
            ConnectPolicy policy = new ConnectPolicy(SETTLE, 3, Duration.ofMillis(100), SETTLE, Sleeper.SYSTEM);
            try (TCPClient client = TCPClient.connect(Loopback.HOST, serverPort, policy)) {
                int clientPort = client.localPort();
                printStates("2", "connect(): SYN, SYN-ACK, ACK", "accept() from 127.0.0.1:" + clientPort,
                        clientPort, serverPort, Set.of(TcpState.ESTABLISHED), Set.of(TcpState.ESTABLISHED));

                // 3. One line each way; the connection stays ESTABLISHED.
                String reply = client.exchange(TCPClient.DEFAULT_MESSAGE);
                printStates("3", "write and read \"" + reply + "\"", "read the line, write it back",
                        clientPort, serverPort, Set.of(TcpState.ESTABLISHED), Set.of(TcpState.ESTABLISHED));

                // 4. The client closes first (FIN); the server reads EOF and closes too. The client keeps TIME_WAIT.
                client.close();
                printStates("4", "close(): FIN", "read -> EOF; close(): FIN", clientPort, serverPort,
                        Set.of(TcpState.TIME_WAIT, TcpState.CLOSED), Set.of(TcpState.CLOSED));
            }

            // 5. The server stops listening; new connects are refused from now on.
            server.close();
            TcpState closed = settle(() -> listenerState(serverPort), Set.of(TcpState.CLOSED));
            System.out.printf(ROW, "5", "", "close() the listening socket", "", show(closed));
        }
        System.out.println();
        System.out.println("States come from the kernel's TCP table (through OSHI), as `ss -tan` shows them.");
    }

    private static void printStates(String step, String client, String server, int clientPort, int serverPort,
                                    Set<TcpState> clientSettles, Set<TcpState> serverSettles) {
        TcpState clientEnd = settle(() -> PROBE.stateOf(clientPort, serverPort), clientSettles);
        TcpState serverEnd = settle(() -> PROBE.stateOf(serverPort, clientPort), serverSettles);
        System.out.printf(ROW, step, client, server, show(clientEnd), show(serverEnd));
    }

    private static TcpState listenerState(int port) {
        return PROBE.listener(port).map(TcpConnection::state).orElse(TcpState.CLOSED);
    }

    /** Waits briefly for the state the handout predicts, and returns whatever the kernel shows by then. */
    private static TcpState settle(Supplier<TcpState> state, Set<TcpState> expected) {
        try {
            Awaitility.await().atMost(SETTLE).pollInterval(TcpAssertions.POLL).until(() -> expected.contains(state.get()));
        } catch (ConditionTimeoutException e) {
            return state.get();
        }
        return state.get();
    }

    private static String show(TcpState state) {
        if (!PROBE.canShow(state)) {
            return "unknown (" + PROBE.whyCannotShow(state).orElse("") + ")";
        }
        return state == TcpState.CLOSED ? "CLOSED (gone)" : state.name();
    }
}
