package tcplab.lab03;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpState;
import tcplab.support.trace.Trace;
import tcplab.support.trace.TraceMain;

/**
 * Trace mode of lab 03: three ways to end a connection with {@link HalfCloseServer}, each printed as a sequence
 * diagram with both ends' TCP states and, where tcpdump can capture, the FIN, RST and ACK segments: the client
 * closes first (with a half-close, as this protocol does), the server closes first, the client aborts. Runs
 * against whichever code is compiled: the student's or the solution's. {@code -Dscenario=half-close} (or
 * server-first, abort) plays one of them.
 *
 * <p>{@code ./mvnw -q -pl lab-03-teardown -am test-compile exec:java@trace}
 */
public final class TeardownTrace {

    private static final byte[] REQUEST = "Hello Server\n".getBytes(StandardCharsets.US_ASCII);
    private static final Set<TcpState> ESTABLISHED = Set.of(TcpState.ESTABLISHED);
    private static final Set<TcpState> GONE = Set.of(TcpState.CLOSED);

    /** A scenario's name and how to play it. */
    public enum Scenario {
        HALF_CLOSE("half-close"), SERVER_FIRST("server-first"), ABORT("abort");

        public final String id;

        Scenario(String id) {
            this.id = id;
        }

        public Trace play() throws Exception {
            return switch (this) {
                case HALF_CLOSE -> halfClose();
                case SERVER_FIRST -> serverClosesFirst();
                case ABORT -> abort();
            };
        }
    }

    private TeardownTrace() {
    }

    public static void main(String[] args) {
        TraceMain main = new TraceMain("lab-03");
        for (Scenario scenario : Scenario.values()) {
            main.scenario(scenario.id, scenario::play);
        }
        main.run();
    }

    /** The client closes first: its request, its FIN; the server's reply still comes, then its FIN. */
    public static Trace halfClose() throws Exception {
        return withServer("client first, with a half-close: the reply crosses after the client's FIN", (trace, client, server) -> {
            client.getOutputStream().write(REQUEST);
            client.shutdownOutput();
            trace.step("write the request; shutdownOutput()", "read to EOF; write the reply; close()",
                    Set.of(TcpState.TIME_WAIT), GONE);
            String reply = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            trace.step("read \"" + reply.substring(0, Math.min(reply.length(), 20)) + "...\" -> EOF", "",
                    Set.of(TcpState.TIME_WAIT), GONE);
        });
    }

    /** The server stops while the client is idle: its FIN comes first, and the server keeps TIME_WAIT. */
    public static Trace serverClosesFirst() throws Exception {
        return withServer("server first: stop() sends FIN to an idle client", (trace, client, server) -> {
            // stop() waits for the connection to end, which takes the client's close: it runs beside the client.
            CompletableFuture<Boolean> stopping = Trace.inBackground("trace-stop", () -> {
                server.stop(Duration.ofSeconds(1));
                return true;
            });
            trace.step("", "stop(): shutdownOutput()", Set.of(TcpState.CLOSE_WAIT), Set.of(TcpState.FIN_WAIT_2));
            InputStream in = client.getInputStream();
            int end = in.read();
            client.close();
            stopping.get();
            trace.step("read() -> " + end + "; close()", "", GONE, Set.of(TcpState.TIME_WAIT));
        });
    }

    /** The client aborts: SO_LINGER 0 and close() send RST, and neither end keeps TIME_WAIT. */
    public static Trace abort() throws Exception {
        return withServer("abort: SO_LINGER 0, then close(), sends RST", (trace, client, server) -> {
            client.getOutputStream().write("Hello".getBytes(StandardCharsets.US_ASCII));
            client.setSoLinger(true, 0);
            client.close();
            trace.step("write \"Hello\"; setSoLinger(true, 0); close()", "read() -> \"Connection reset\"; close()",
                    GONE, GONE);
        });
    }

    @FunctionalInterface
    private interface Play {
        void run(Trace trace, Socket client, HalfCloseServer server) throws Exception;
    }

    private static Trace withServer(String title, Play play) throws Exception {
        try (HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0)) {
            int port = server.start();
            Trace trace = Trace.of("lab 03, " + title, port);
            trace.step("", "listen()", Set.of(), Set.of(TcpState.LISTEN));
            try (Socket client = new Socket(Loopback.HOST, port)) {
                trace.connected(client.getLocalPort());
                trace.step("connect()", "accept()", ESTABLISHED, ESTABLISHED);
                play.run(trace, client, server);
            }
            trace.finish();
            return trace;
        }
    }
}
