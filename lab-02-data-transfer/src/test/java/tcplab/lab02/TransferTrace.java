package tcplab.lab02;

import java.io.InputStream;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpState;
import tcplab.support.trace.Trace;
import tcplab.support.trace.TraceMain;

/**
 * Trace mode of lab 02: a bulk transfer through {@link EchoServer} in its BYTES protocol, printed as a sequence
 * diagram in which the sequence and acknowledgement numbers advance by the bytes sent. Runs against whichever code
 * is compiled: the student's or the solution's.
 *
 * <p>{@code ./mvnw -q -pl lab-02-data-transfer -am test-compile exec:java@trace}
 */
public final class TransferTrace {

    /** Enough for several full-sized segments on loopback (MSS 65,483), few enough to read them all. */
    public static final int BYTES = 200_000;
    private static final Set<TcpState> ESTABLISHED = Set.of(TcpState.ESTABLISHED);

    private TransferTrace() {
    }

    public static void main(String[] args) {
        new TraceMain("lab-02").scenario("bulk", TransferTrace::bulkTransfer).run();
    }

    /** 200,000 bytes each way, then the client's FIN first. */
    public static Trace bulkTransfer() throws Exception {
        try (EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.BYTES)) {
            int port = server.start();
            Trace trace = Trace.of("lab 02: a bulk transfer of " + BYTES + " bytes each way", port);
            trace.step("", "listen()", Set.of(), Set.of(TcpState.LISTEN));
            try (Socket client = new Socket(Loopback.HOST, port)) {
                trace.connected(client.getLocalPort());
                trace.step("connect()", "accept()", ESTABLISHED, ESTABLISHED);

                // Write and read at once, so that neither side waits for the other's buffer to drain.
                InputStream in = client.getInputStream();
                CompletableFuture<byte[]> echoed = Trace.inBackground("trace-reader", () -> readExactly(in, BYTES));
                client.getOutputStream().write(new byte[BYTES]);
                int received = echoed.get().length;
                trace.step("write " + BYTES + " bytes; read " + received + " back", "read and write back",
                        ESTABLISHED, ESTABLISHED);

                client.shutdownOutput();
                int end = in.read();
                trace.step("shutdownOutput(); read() -> " + end, "read() -> EOF; close()",
                        Set.of(TcpState.TIME_WAIT), Set.of(TcpState.CLOSED));
            }
            trace.step("close()", "", Set.of(TcpState.TIME_WAIT), Set.of(TcpState.CLOSED));
            trace.finish();
            return trace;
        }
    }

    private static byte[] readExactly(InputStream in, int bytes) {
        try {
            return in.readNBytes(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
