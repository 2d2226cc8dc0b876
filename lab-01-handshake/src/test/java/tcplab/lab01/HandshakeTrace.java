package tcplab.lab01;

import java.time.Duration;
import java.util.Set;
import tcplab.lab01.ConnectPolicy.Sleeper;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpState;
import tcplab.support.trace.Trace;
import tcplab.support.trace.TraceMain;

/**
 * Trace mode of lab 01: plays one echo exchange between {@link TCPClient} and {@link TCPServer}, and prints it as a
 * sequence diagram with each end's TCP state and, where tcpdump can capture, the segments. Runs against whichever
 * code is compiled: the student's or the solution's.
 *
 * <p>{@code ./mvnw -q -pl lab-01-handshake -am test-compile exec:java@trace}
 */
public final class HandshakeTrace {

    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final Set<TcpState> ESTABLISHED = Set.of(TcpState.ESTABLISHED);

    private HandshakeTrace() {
    }

    public static void main(String[] args) {
        new TraceMain("lab-01").scenario("handshake", HandshakeTrace::handshakeAndEcho).run();
    }

    /** The handshake, one line each way, and the client's close. */
    @SuppressWarnings("try") // closing inside the try block is the step being shown
    public static Trace handshakeAndEcho() throws Exception {
        try (TCPServer server = new TCPServer(Loopback.HOST, 0)) {
            int port = server.start();
            Trace trace = Trace.of("lab 01: handshake and one echo", port);
            // 1. The server listens: the kernel now answers SYNs on this port.
            trace.step("", "listen()", Set.of(), Set.of(TcpState.LISTEN));

            // 2. connect() returns once SYN, SYN-ACK and ACK are through.
            ConnectPolicy policy = new ConnectPolicy(PATIENCE, 3, Duration.ofMillis(100), PATIENCE, Sleeper.SYSTEM);
            try (TCPClient client = TCPClient.connect(Loopback.HOST, port, policy)) {
                trace.connected(client.localPort());
                trace.step("connect()", "accept()", ESTABLISHED, ESTABLISHED);

                // 3. One line each way; each side's data is acknowledged.
                String reply = client.exchange(TCPClient.DEFAULT_MESSAGE);
                trace.step("write \"" + TCPClient.DEFAULT_MESSAGE + "\"; read \"" + reply + "\"",
                        "read the line; write it back", ESTABLISHED, ESTABLISHED);

                // 4. The client closes first: its FIN; the server reads EOF and closes too; TIME_WAIT stays here.
                client.close();
                trace.step("close()", "read() -> EOF; close()", Set.of(TcpState.TIME_WAIT), Set.of(TcpState.CLOSED));
            }
            trace.finish();
            return trace;
        }
    }
}
