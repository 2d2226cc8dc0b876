package tcplab.lab04;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import tcplab.support.net.EchoPeer;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.proxy.Direction;
import tcplab.support.proxy.Event;
import tcplab.support.proxy.Fault;
import tcplab.support.proxy.FaultProxy;
import tcplab.support.proxy.Pipe;
import tcplab.support.teach.TcpAssertions;
import tcplab.support.trace.Trace;
import tcplab.support.trace.TraceMain;

/**
 * Trace mode of lab 04: {@link ResilientClient#requestOnce} against a peer that never answers, and against a reply
 * that a proxy cuts with RST, each printed as a sequence diagram. Runs against whichever code is compiled: the
 * student's or the solution's. {@code -Dscenario=read-timeout} or {@code reset-mid-reply} plays one of them.
 *
 * <p>{@code ./mvnw -q -pl lab-04-failure-modes -am test-compile exec:java@trace}
 */
public final class FailureTrace {

    /** Long enough that the trace reads both ends' states, on a loaded machine too, before the read gives up. */
    public static final int READ_TIMEOUT_MILLIS = 5_000;
    /** How much of the reply crosses before the RST. */
    public static final int REPLY_BYTES_BEFORE_RESET = 5;
    /** What the client sends in both scenarios; the step labels name it, so they say what is on the wire. */
    private static final String REQUEST = "Hello Server";
    private static final Set<TcpState> ESTABLISHED = Set.of(TcpState.ESTABLISHED);
    private static final Set<TcpState> GONE = Set.of(TcpState.CLOSED);

    private FailureTrace() {
    }

    public static void main(String[] args) {
        new TraceMain("lab-04").scenario("read-timeout", FailureTrace::readTimeout)
                .scenario("reset-mid-reply", FailureTrace::resetMidReply).run();
    }

    /** The peer accepts and reads the request, and never answers: the client gives up at its read timeout. */
    public static Trace readTimeout() throws Exception {
        try (ServerSocket listener = Loopback.listen()) {
            int port = listener.getLocalPort();
            Trace trace = Trace.of("lab 04, read timeout: a peer that never answers", port);
            trace.step("", "listen()", Set.of(), Set.of(TcpState.LISTEN));
            ResilientClient client = new ResilientClient(ClientSettings.of(port, 1_000, READ_TIMEOUT_MILLIS,
                    2L * READ_TIMEOUT_MILLIS));
            CompletableFuture<String> outcome = Trace.inBackground("trace-client", () -> outcome(client));
            try (Socket peer = listener.accept()) {
                trace.connected(peer.getPort());
                trace.step("requestOnce(\"" + REQUEST + "\"): connect(), write, read()", "accept(); (never answers)",
                        ESTABLISHED, ESTABLISHED);
                String failure = outcome.get();
                trace.step("read() -> " + failure + "; close()", "", Set.of(TcpState.FIN_WAIT_2),
                        Set.of(TcpState.CLOSE_WAIT));
            }
            trace.step("", "close()", Set.of(TcpState.TIME_WAIT), GONE);
            trace.finish();
            return trace;
        }
    }

    /** An echo server behind the proxy; the proxy passes the first bytes of the reply, then sends RST both ways. */
    public static Trace resetMidReply() throws Exception {
        ResetOnSignal fault = new ResetOnSignal();
        try (EchoPeer echo = EchoPeer.start(); FaultProxy proxy = FaultProxy.to(echo.port())) {
            proxy.add(Direction.DOWNSTREAM, fault);
            Trace trace = Trace.of("lab 04, reset in the middle of the reply", "client", "proxy (RST) -> echo server",
                    proxy.port());
            trace.step("", "listen()", Set.of(), Set.of(TcpState.LISTEN));
            // The RST ends the read; the timeouts only bound a client that would miss it.
            ResilientClient client = new ResilientClient(ClientSettings.of(proxy.port(), 1_000, 10_000, 10_000));
            CompletableFuture<String> outcome = Trace.inBackground("trace-client", () -> outcome(client));
            // The proxy holds the rest of the reply until the trace knows the client's port.
            fault.replyStarted.await();
            trace.connected(clientPortTo(proxy.port()));
            trace.step("requestOnce(\"" + REQUEST + "\"): connect(), write, read()",
                    "accept(); echo; " + REPLY_BYTES_BEFORE_RESET + " bytes of the reply", ESTABLISHED, ESTABLISHED);
            fault.reset.countDown();
            String failure = outcome.get();
            trace.step("read() -> " + failure + "; close()", "RST", GONE, GONE);
            trace.finish();
            return trace;
        }
    }

    private static String outcome(ResilientClient client) {
        try {
            return "reply \"" + client.requestOnce(REQUEST) + "\"";
        } catch (RequestFailedException e) {
            return "RequestFailedException(" + e.failure() + ")";
        }
    }

    private static int clientPortTo(int port) {
        TcpProbe probe = TcpProbe.system();
        TcpAssertions.awaitCondition(() -> clientEnd(probe, port) != 0, java.time.Duration.ofSeconds(5),
                () -> "no client connection to port " + port);
        return clientEnd(probe, port);
    }

    private static int clientEnd(TcpProbe probe, int port) {
        return probe.connections().stream().filter(c -> c.remotePort() == port && c.state() == TcpState.ESTABLISHED)
                .mapToInt(TcpConnection::localPort).findFirst().orElse(0);
    }

    /** Passes the first bytes of the first reply, waits for the signal, then resets. */
    private static final class ResetOnSignal implements Fault {
        private final AtomicBoolean used = new AtomicBoolean();
        final CountDownLatch replyStarted = new CountDownLatch(1);
        final CountDownLatch reset = new CountDownLatch(1);

        @Override
        public void handle(Event event, Pipe pipe) throws IOException, InterruptedException {
            if (event.kind() == Event.Kind.DATA && used.compareAndSet(false, true)) {
                pipe.forward(event.first(Math.min(REPLY_BYTES_BEFORE_RESET, event.data().length)));
                replyStarted.countDown();
                reset.await();
                pipe.reset();
                return;
            }
            pipe.forward(event);
        }
    }
}
