package tcplab.lab02;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/** Sends a large amount of data through an echo server and takes back every byte. */
public final class BulkEchoClient {

    /** The default amount of data: 16 MiB. */
    public static final int DEFAULT_BYTES = 16 * 1024 * 1024;

    private BulkEchoClient() {
    }

    /**
     * Task L2-T4 and L2-T6: writes everything from {@code source} to the connection, then half-closes (FIN), while it
     * copies every byte that comes back to {@code sink}, until the server's FIN. Writing and reading must go on at
     * the same time: a client that writes everything first stops once its own and the server's socket buffers are
     * full (the receive window is 0), while the server stops writing to it. Neither side reads; both wait forever.
     *
     * @return the bytes sent and received, and the time from the first write to the server's FIN
     * @throws IOException if the connection fails
     */
    public static TransferStats echo(Socket socket, InputStream source, OutputStream sink) throws IOException {
        long start = System.nanoTime();
        CompletableFuture<Long> sending = CompletableFuture.supplyAsync(() -> send(socket, source), daemonThread());
        try (socket) {
            long received = socket.getInputStream().transferTo(sink);
            long sent = sending.get();
            return new TransferStats(sent, received, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the transfer", e);
        } catch (ExecutionException e) {
            throw new IOException("sending failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static long send(Socket socket, InputStream source) {
        try {
            long sent = source.transferTo(socket.getOutputStream());
            socket.shutdownOutput();
            return sent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Executor daemonThread() {
        return runnable -> {
            Thread thread = new Thread(runnable, "lab02-sender");
            thread.setDaemon(true);
            thread.start();
        };
    }

    /**
     * Echoes {@code -Dbytes} random bytes through the server at {@code -Dhost}:{@code -Dport}, checks them by
     * SHA-256, and prints one line: sizes, time, throughput and whether the digests match.
     */
    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        // 1. Configuration from system properties.
        String host = System.getProperty("host", EchoServer.DEFAULT_HOST);
        int port = Integer.getInteger("port", EchoServer.DEFAULT_PORT);
        int bytes = Integer.getInteger("bytes", DEFAULT_BYTES);

        // 2. The same pseudo-random payload every run, and its digest.
        byte[] payload = new byte[bytes];
        new Random(2).nextBytes(payload);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(payload);

        // 3. Echo it, digesting what comes back as it comes.
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        TransferStats stats;
        try (DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), received)) {
            stats = echo(new Socket(host, port), new ByteArrayInputStream(payload), sink);
        } catch (IOException e) {
            // A command-line program reports failure in one line and a non-zero exit status, not a stack trace.
            System.err.println("error: " + host + ":" + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }

        // 4. One result line, for people and for scripts.
        boolean same = MessageDigest.isEqual(expected, received.digest());
        System.out.printf(Locale.ROOT, "sent %d bytes, received %d bytes in %.3f s: %.1f MiB/s, sha-256 %s%s%n",
                stats.bytesSent(), stats.bytesReceived(), stats.elapsed().toNanos() / 1e9,
                stats.throughputBytesPerSecond() / (1024 * 1024), same ? "matches " : "DIFFERS ",
                HexFormat.of().formatHex(expected).substring(0, 16));
        if (!same) {
            System.exit(1);
        }
    }
}
