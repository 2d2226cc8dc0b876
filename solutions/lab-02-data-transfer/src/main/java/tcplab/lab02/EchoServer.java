package tcplab.lab02;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An echo server on loopback that serves up to {@link #MAX_CLIENTS} clients at once, in one of three protocols:
 * <ul>
 *   <li>{@link Protocol#LINES}: each line comes back; a line over the limit is answered with a line that starts
 *       with {@code ERROR}, and the connection is closed;</li>
 *   <li>{@link Protocol#FRAMES}: each length-prefixed frame comes back as a frame; bad input is answered with a
 *       frame whose payload starts with {@code ERROR}, and the connection is closed;</li>
 *   <li>{@link Protocol#BYTES}: every byte comes back as it arrives, and the client's FIN is answered with FIN.</li>
 * </ul>
 */
public final class EchoServer implements AutoCloseable {

    /** The three ways of echoing. */
    public enum Protocol { LINES, FRAMES, BYTES }

    /** How many bytes of a refused request are read and dropped before the close, so that the close sends FIN. */
    public static final int MAX_DRAIN_BYTES = 1024 * 1024;

    /** Only programs on this machine can connect. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The study notes' port. */
    public static final int DEFAULT_PORT = 8080;

    /** How many clients are served at once; more wait in the backlog. */
    public static final int MAX_CLIENTS = 16;

    private static final Logger log = LoggerFactory.getLogger(EchoServer.class);

    private final String host;
    private final int port;
    private final Protocol protocol;
    private final ExecutorService workers = Executors.newFixedThreadPool(MAX_CLIENTS, runnable -> {
        Thread thread = new Thread(runnable, "lab02-worker");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocket serverSocket;

    /** A server for {@code host}:{@code port}; port 0 asks the kernel for any free port. */
    public EchoServer(String host, int port, Protocol protocol) {
        this.host = host;
        this.port = port;
        this.protocol = protocol;
    }

    /** Listens and serves clients on background threads; returns the port the kernel assigned. */
    public synchronized int start() throws IOException {
        serverSocket = new ServerSocket(port, 50, InetAddress.getByName(host));
        log.info("echoing {} on {}", protocol, serverSocket.getLocalSocketAddress());
        Thread acceptor = new Thread(this::acceptLoop, "lab02-acceptor-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    log.warn("accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket client) {
        SocketAddress peer = client.getRemoteSocketAddress();
        try (client) {
            switch (protocol) {
                case LINES -> serveLines(client);
                case FRAMES -> serveFrames(client);
                case BYTES -> serveBytes(client);
            }
        } catch (IOException e) {
            log.warn("connection with {} failed: {}", peer, e.toString());
        }
    }

    /**
     * Task L2-T5: echoes lines until the client's FIN. A line longer than {@link Framing#MAX_LINE_BYTES} is answered
     * with one line, {@code ERROR } and the reason; then the connection is closed, with FIN and not RST: the bytes the
     * client still sends are read and dropped first. A client that leaves in the middle of a line ends only its own
     * connection.
     *
     * @throws IOException if the connection fails
     */
    void serveLines(Socket client) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = new BufferedOutputStream(client.getOutputStream());
        try {
            for (String line = Framing.readLine(in, Framing.MAX_LINE_BYTES); line != null;
                 line = Framing.readLine(in, Framing.MAX_LINE_BYTES)) {
                Framing.writeLine(out, line);
            }
        } catch (ProtocolException e) {
            log.warn("protocol error from {}: {}", client.getRemoteSocketAddress(), e.getMessage());
            Framing.writeLine(out, "ERROR " + e.getMessage());
            drainThenFin(client, in);
        } catch (EOFException e) {
            log.warn("{} left in the middle of a line: {}", client.getRemoteSocketAddress(), e.getMessage());
        }
    }

    /**
     * Sends FIN after the error reply, then reads and drops what the client still sends, up to
     * {@link #MAX_DRAIN_BYTES} or its FIN. Closing with unread bytes would send RST, and the client could lose the reply.
     */
    private static void drainThenFin(Socket client, InputStream in) throws IOException {
        client.shutdownOutput();
        client.setSoTimeout(1000);
        long dropped = 0;
        byte[] sink = new byte[8192];
        try {
            for (int n = in.read(sink); n != -1 && dropped < MAX_DRAIN_BYTES; n = in.read(sink)) {
                dropped += n;
            }
        } catch (SocketTimeoutException e) {
            log.warn("{} kept sending nothing after the error; closing", client.getRemoteSocketAddress());
        }
    }

    /**
     * Task L2-T5: echoes frames until the client's FIN. A frame whose length is negative or above
     * {@link Framing#MAX_FRAME_BYTES} is answered with one frame whose payload is {@code ERROR } and the reason, in
     * UTF-8; then the connection is closed. A client that leaves in the middle of a frame ends only its own connection.
     * Memory stays bounded: nothing is allocated for a length that was refused.
     *
     * @throws IOException if the connection fails
     */
    void serveFrames(Socket client) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = new BufferedOutputStream(client.getOutputStream());
        try {
            for (byte[] frame = Framing.readFrame(in, Framing.MAX_FRAME_BYTES); frame != null;
                 frame = Framing.readFrame(in, Framing.MAX_FRAME_BYTES)) {
                Framing.writeFrame(out, frame);
            }
        } catch (ProtocolException e) {
            log.warn("protocol error from {}: {}", client.getRemoteSocketAddress(), e.getMessage());
            Framing.writeFrame(out, ("ERROR " + e.getMessage()).getBytes(UTF_8));
        } catch (EOFException e) {
            log.warn("{} left in the middle of a frame: {}", client.getRemoteSocketAddress(), e.getMessage());
        }
    }

    /**
     * Task L2-T4: copies every byte back as it arrives, so the client's data never piles up here; at the client's
     * FIN, sends FIN (half-close) once everything is echoed.
     *
     * @throws IOException if the connection fails
     */
    void serveBytes(Socket client) throws IOException {
        client.getInputStream().transferTo(client.getOutputStream());
        client.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        ServerSocket socket = serverSocket;
        if (socket != null) {
            socket.close();
        }
        workers.shutdownNow();
    }

    /** Runs until Ctrl+C. Configure with {@code -Dhost}, {@code -Dport} and {@code -Dprotocol=lines|frames|bytes}. */
    public static void main(String[] args) throws Exception {
        // 1. Configuration from system properties.
        String host = System.getProperty("host", DEFAULT_HOST);
        int port = Integer.getInteger("port", DEFAULT_PORT);
        Protocol protocol = Protocol.valueOf(System.getProperty("protocol", "bytes").toUpperCase(Locale.ROOT));

        // 2. Listen and serve on background threads until Ctrl+C.
        EchoServer server = new EchoServer(host, port, protocol);
        try {
            server.start();
        } catch (IOException e) {
            // A command-line program reports failure in one line and a non-zero exit status, not a stack trace.
            String advice = e instanceof BindException ? "; stop the other server, or pass -Dport=<another port>" : "";
            System.err.println("error: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")" + advice);
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                log.warn("closing failed: {}", e.toString());
            }
        }, "lab02-shutdown"));
        Thread.currentThread().join();
    }
}
