package tcplab.lab03;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.time.Duration;

/**
 * A client in the style of netcat: it sends its whole request, half-closes with FIN, and reads the reply until the
 * server's FIN. It works with {@link HalfCloseServer} and with any echo server, such as
 * {@code socat TCP-LISTEN:9000,reuseaddr,fork EXEC:cat}.
 *
 * <p>Run it with {@code ./mvnw -q -pl lab-03-teardown -am compile exec:java@client -Dport=9000 < photo.jpg}.
 */
public final class HalfCloseClient implements AutoCloseable {

    /** Loopback, as in the study notes' example. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The study notes' port. */
    public static final int DEFAULT_PORT = 8080;

    /** How long the handshake may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** How long a read may wait for the server before the client gives up. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** How long {@link #pipe} waits for its sending side once the server has closed. */
    static final Duration SENDER_GRACE = Duration.ofSeconds(1);

    private final String host;
    private final int port;
    private Socket socket;

    /** The server's reply: how many bytes it received, and their SHA-256 in lowercase hex. */
    public record Digest(long bytes, String sha256) {
    }

    /** A client for {@code host}:{@code port}. Nothing happens on the network until {@link #connect()}. */
    public HalfCloseClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Connects: SYN, SYN-ACK, ACK, within {@link #CONNECT_TIMEOUT}. Reads wait at most {@link #READ_TIMEOUT}.
     *
     * @throws IOException if the connection is refused or times out
     */
    public void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            s.setSoTimeout((int) READ_TIMEOUT.toMillis());
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
    }

    /** This end's port, once connected. */
    public int localPort() {
        return connected().getLocalPort();
    }

    /**
     * Sends {@code request}, half-closes, and returns every byte the server sent until its FIN.
     *
     * @throws IOException as {@link #pipe} does
     */
    public byte[] exchange(byte[] request) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        pipe(new ByteArrayInputStream(request), reply);
        return reply.toByteArray();
    }

    /**
     * Tasks L3-T1 and L3-T8: copies {@code in} to the server until {@code in} ends, then half-closes with
     * {@code shutdownOutput()}: FIN goes out, and this end can still receive. At the same time, copies every byte
     * the server sends to {@code out}, until the server's FIN ({@code read()} returns -1). Both directions run at
     * once, so a server that answers while the request is still coming (an echo server) never fills both sides'
     * buffers and deadlocks. Binary-safe: no byte is decoded or changed.
     *
     * @return how many bytes came from the server
     * @throws EOFException if the server closed before the whole request was sent
     * @throws IOException  if the connection fails or a read times out
     */
    public long pipe(InputStream in, OutputStream out) throws IOException {
        // TODO(student): L3-T1 send everything, then half-close with shutdownOutput(): FIN, and keep receiving.
        // TODO(student): L3-T8 copy the server's bytes to out at the same time, until its FIN.
        Socket s = connected();
        in.transferTo(s.getOutputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8));
        String line = reader.readLine();
        out.write((line + "\n").getBytes(UTF_8));
        out.flush();
        return line.length() + 1;
    }

    /**
     * Task L3-T7: sends {@code request} with {@link #exchange} and reads the digest server's one-line reply. Notices
     * a server that closes early: it neither hangs nor fails with a NullPointerException.
     *
     * @return the byte count and SHA-256 that the server reported
     * @throws EOFException      if the server closed before its reply line was complete, naming that close
     * @throws ProtocolException if the server answered {@code ERROR ...} or something that is not a digest
     * @throws IOException       if the connection fails
     */
    public Digest digest(byte[] request) throws IOException {
        // TODO(student): L3-T7 notice a server that closes before its reply line is complete: throw EOFException.
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(exchange(request)), US_ASCII));
        String[] fields = reader.readLine().split(" ");
        return new Digest(Long.parseLong(fields[0]), fields[1]);
    }

    /**
     * Task L3-T6: ends the connection abruptly. With SO_LINGER on and a timeout of 0, {@code close()} sends RST
     * instead of FIN: unsent data is dropped, the server's next read fails with "Connection reset", and neither
     * side goes through TIME_WAIT.
     *
     * @throws IOException if the socket cannot be closed
     */
    public void abort() throws IOException {
        // TODO(student): L3-T6 send RST instead of FIN: SO_LINGER on, with a timeout of 0, then close.
        connected().close();
    }

    /** Closes the socket, with FIN if nothing is left unread. Safe to call more than once. */
    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }

    private Socket connected() {
        if (socket == null) {
            throw new IllegalStateException("call connect() first");
        }
        return socket;
    }

    /**
     * Sends standard input to the server, half-closes, and writes the reply to standard output, like
     * {@code nc -N}. Exits with status 0, or 1 and a one-line error. Configure with {@code -Dhost} and
     * {@code -Dport}.
     */
    public static void main(String[] args) {
        // 1. Configuration from system properties, with the study notes' defaults.
        String host = System.getProperty("host", DEFAULT_HOST);
        int port = Integer.getInteger("port", DEFAULT_PORT);

        // 2. Connect, then stdin -> server and server -> stdout until both sides have sent FIN.
        try (HalfCloseClient client = new HalfCloseClient(host, port)) {
            client.connect();
            client.pipe(System.in, System.out);
        } catch (IOException e) {
            // 3. A command-line program reports its failure in one line and its exit status.
            System.err.println("error: " + host + ":" + port + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
