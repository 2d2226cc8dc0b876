package tcplab.lab03;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Requests for the digest server, and the replies it owes them, computed by the tests themselves. */
final class Requests {

    /** Korean text from the study notes' topic, and every byte value: a request that is not just ASCII. */
    static final byte[] MIXED = mixed();

    private Requests() {
    }

    /** The line the server must answer {@code request} with, without its {@code \n}. */
    static String digestLine(byte[] request) {
        return request.length + " " + sha256(request);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} bytes of a repeating pattern. */
    static byte[] ofSize(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    /** A file shipped with the tests: {@code photo.jpg} or {@code words.txt}. */
    static byte[] resource(String name) {
        try (InputStream in = Requests.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] mixed() {
        byte[] text = "연결 종료: FIN, ACK, FIN, ACK\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 256];
        System.arraycopy(text, 0, bytes, 0, text.length);
        for (int i = 0; i < 256; i++) {
            bytes[text.length + i] = (byte) i;
        }
        return bytes;
    }
}
