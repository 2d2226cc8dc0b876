package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcplab.support.kit.Points;
import tcplab.support.net.Bulk;
import tcplab.support.net.EchoPeer;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** 16 MiB go through an echo and come back whole, with no deadlock: the client reads while it writes. */
@Timeout(15)
class BulkEchoTest {

    private static final Messages MSG = Messages.of(BulkEchoTest.class);

    private static final int SIZE = 16 * 1024 * 1024;
    private static final byte[] PAYLOAD = Bulk.payload(SIZE);
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Duration STALL = Duration.ofSeconds(2);

    @AutoClose
    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.BYTES);

    @Test
    @Points(2)
    void clientEchoes16MiBWithoutDeadlock() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        AtomicLong received = new AtomicLong();
        OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                super.write(bytes, offset, length);
                received.addAndGet(length);
            }
        };
        try (EchoPeer peer = EchoPeer.start(); Socket socket = new Socket(Loopback.ADDRESS, peer.port())) {
            CompletableFuture<TransferStats> transfer = CompletableFuture.supplyAsync(() -> echo(socket, sink));

            awaitProgress(transfer, received);

            TransferStats stats = transfer.join();
            assertEquals(Bulk.sha256(PAYLOAD), HexFormat.of().formatHex(digest.digest()),
                    MSG.feedback("clientEchoes16MiBWithoutDeadlock", stats.bytesReceived()));
        }
    }

    /** Waits for the transfer to finish, and fails as soon as no byte has come back for {@link #STALL}. */
    private static void awaitProgress(CompletableFuture<TransferStats> transfer, AtomicLong received) {
        long[] last = {-1, System.nanoTime()};
        TcpAssertions.awaitCondition(() -> {
            long now = System.nanoTime();
            if (received.get() != last[0]) {
                last[0] = received.get();
                last[1] = now;
            }
            return transfer.isDone() || now - last[1] > STALL.toNanos();
        }, LIMIT, () -> MSG.feedback("awaitProgress", LIMIT.toSeconds(), received.get()));
        assertTrue(transfer.isDone(), MSG.feedback("awaitProgress.2", STALL.toSeconds(), received.get()));
    }

    private static TransferStats echo(Socket socket, OutputStream sink) {
        try {
            return BulkEchoClient.echo(socket, new ByteArrayInputStream(PAYLOAD), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Points(2)
    void serverEchoes16MiB() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            Bulk.Received received = assertDoesNotThrow(() -> Bulk.sendAndReceive(client.socket(), PAYLOAD),
                    MSG.feedback("serverEchoes16MiB"));

            assertEquals(new Bulk.Received(SIZE, Bulk.sha256(PAYLOAD)), received,
                    MSG.feedback("serverEchoes16MiB.2", received.length(),
                            (received.length() == SIZE ? MSG.text("differentOnes") : MSG.text("none"))));
        }
    }
}
