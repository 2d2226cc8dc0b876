package tcplab.support.net;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** Large payloads for flow-control tests, and a test's own client that writes and reads at the same time. */
public final class Bulk {

    private Bulk() {
    }

    /** {@code bytes} pseudo-random bytes, the same on every run. */
    public static byte[] payload(int bytes) {
        byte[] payload = new byte[bytes];
        new Random(bytes).nextBytes(payload);
        return payload;
    }

    /** The SHA-256 of {@code bytes}, in hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** What came back: how many bytes, and their SHA-256 in hex. */
    public record Received(long length, String sha256) {
    }

    /**
     * Writes {@code payload} then FIN on a background thread while it reads everything that comes back, until the
     * peer's FIN. Reads are bounded by the socket's timeout.
     */
    public static Received sendAndReceive(Socket socket, byte[] payload) throws IOException {
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(payload);
                socket.shutdownOutput();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "bulk-sender");
            thread.setDaemon(true);
            thread.start();
        });
        MessageDigest digest = digest();
        long length;
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            length = socket.getInputStream().transferTo(sink);
        }
        sending.join();
        return new Received(length, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
