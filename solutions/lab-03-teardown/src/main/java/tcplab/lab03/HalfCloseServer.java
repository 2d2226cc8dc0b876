package tcplab.lab03;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A digest server that speaks a half-close protocol. The client sends its request, any bytes, and then FIN
 * ({@code shutdownOutput()}). The server reads until that FIN, answers with one line, {@code <byte count> <SHA-256 in
 * hex>}, and closes. The client sent the first FIN, so the TIME_WAIT is the client's, never the server's.
 *
 * <p>Try it with netcat: {@code nc -N 127.0.0.1 8080 < photo.jpg}, then compare with {@code wc -c} and
 * {@code sha256sum}.
 */
public final class HalfCloseServer implements AutoCloseable {

    /** Loopback: only programs on this machine can connect. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The study notes' port. */
    public static final int DEFAULT_PORT = 8080;

    /** How many clients are served at once; more wait in the backlog. */
    public static final int MAX_CLIENTS = 16;

    /** The largest request that is answered with a digest; a longer one is answered with an {@code ERROR} line. */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;

    /** How many bytes of a refused request are read and dropped while waiting for the client's FIN. */
    public static final int MAX_DRAIN_BYTES = 16 * 1024 * 1024;

    /** How long the server waits for the client's FIN after refusing a request, or after {@link #stop}'s FIN. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);

    /** How long {@link #close()} lets exchanges in flight finish. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(HalfCloseServer.class);

    private final String host;
    private final int port;
    // Not daemon threads: the JVM waits for them, so stop() has to end them.
    private final ExecutorService workers = Executors.newFixedThreadPool(MAX_CLIENTS, HalfCloseServer::worker);
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile ServerSocket serverSocket;
    private volatile Thread acceptor;

    /** A server for {@code host}:{@code port}; port 0 asks the kernel for any free port. */
    public HalfCloseServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Listens, and accepts clients on a background thread that ends when the listening socket is closed.
     *
     * @return the port the kernel assigned
     * @throws IOException if the address cannot be bound
     */
    public synchronized int start() throws IOException {
        serverSocket = new ServerSocket(port, 50, InetAddress.getByName(host));
        log.info("listening on {}", serverSocket.getLocalSocketAddress());
        Thread thread = new Thread(this::acceptLoop, "lab03-acceptor-" + serverSocket.getLocalPort());
        thread.setDaemon(false);
        acceptor = thread;
        thread.start();
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    log.warn("accept failed: {}", e.toString());
                }
                continue;
            }
            log.info("accepted {}", client.getRemoteSocketAddress());
            connections.add(client);
            try {
                workers.execute(() -> {
                    try {
                        serve(client);
                    } finally {
                        // A socket that serve() left open stays listed, so that stop() can still end it.
                        if (client.isClosed()) {
                            connections.remove(client);
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                connections.remove(client);
                closeQuietly(client);
            }
        }
    }

    /**
     * Tasks L3-T2 and L3-T6: serves one client and then closes its socket, whatever happened, so that the
     * connection never stays in CLOSE_WAIT. Logs the close with the peer's address, and a reset
     * by the client (RST) as {@code reset by <address>}. Never throws: one client's failure ends only its own
     * connection.
     */
    void serve(Socket client) {
        SocketAddress peer = client.getRemoteSocketAddress();
        try (client) {
            reply(client);
        } catch (IOException e) {
            if (isReset(e)) {
                log.info("reset by {}", peer);
            } else {
                log.warn("connection with {} failed: {}", peer, e.toString());
            }
        } finally {
            log.info("closed {}", peer);
        }
    }

    /**
     * Task L3-T1: reads the request until the client's FIN ({@code read()} returns -1), then writes one line,
     * {@code <byte count> <SHA-256 in lowercase hex>} and {@code \n}, in ASCII, and flushes it. The caller closes.
     * If {@link #stop} has already sent this connection's FIN ({@code shutdownOutput()}), nothing is written: a
     * write after our own FIN fails (EPIPE, "Broken pipe").
     *
     * <p>Task L3-T4: a request longer than {@link #MAX_REQUEST_BYTES} is answered with the line
     * {@code ERROR request over <limit> bytes} instead; then the rest of the request is drained with
     * {@link #drain}, so that the close sends FIN and not RST, and the client can read the error.
     *
     * @throws IOException if the connection fails, for example because the client reset it
     */
    void reply(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[8192];
        long count = 0;
        for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length, MAX_REQUEST_BYTES + 1L - count))) != -1; ) {
            count += n;
            if (count > MAX_REQUEST_BYTES) {
                out.write(("ERROR request over " + MAX_REQUEST_BYTES + " bytes\n").getBytes(US_ASCII));
                out.flush();
                drain(client);
                return;
            }
            sha256.update(buffer, 0, n);
        }
        if (client.isOutputShutdown()) {
            return;
        }
        out.write((count + " " + HexFormat.of().formatHex(sha256.digest()) + "\n").getBytes(US_ASCII));
        out.flush();
    }

    /**
     * Task L3-T4: reads and drops what the client still sends, until its FIN, but no more than
     * {@link #MAX_DRAIN_BYTES} and for no longer than {@link #DRAIN_TIMEOUT}. Closing a socket with unread bytes
     * makes the kernel send RST instead of FIN, and an RST can destroy the reply before the client reads it.
     *
     * @return true if the client's FIN arrived, false if the drain gave up
     * @throws IOException if the connection fails
     */
    static boolean drain(Socket client) throws IOException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        client.setSoTimeout((int) DRAIN_TIMEOUT.toMillis());
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[8192];
        long dropped = 0;
        try {
            for (int n; (n = in.read(buffer)) != -1; dropped += n) {
                if (dropped > MAX_DRAIN_BYTES || System.nanoTime() > deadline) {
                    return false;
                }
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /**
     * Task L3-T5: stops the server gracefully, and is safe to call more than once:
     * <ol>
     *   <li>closes the listening socket, so that new connects are refused (RST);</li>
     *   <li>lets exchanges in flight finish, for up to {@code grace};</li>
     *   <li>sends FIN on the connections still open ({@code shutdownOutput()}), so their clients read EOF and not a
     *       reset, and gives them {@link #DRAIN_TIMEOUT} to close their side;</li>
     *   <li>then closes whatever is left and ends every thread the server started.</li>
     * </ol>
     * Returns once all of the server's threads have ended.
     *
     * @param grace how long exchanges in flight may take to finish
     */
    public void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(serverSocket);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                for (Socket connection : connections) {
                    try {
                        connection.shutdownOutput();
                    } catch (IOException e) {
                        log.debug("no FIN for {}: {}", connection.getRemoteSocketAddress(), e.toString());
                    }
                }
                if (!workers.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    connections.forEach(HalfCloseServer::closeQuietly);
                    workers.shutdownNow();
                    workers.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            Thread thread = acceptor;
            if (thread != null) {
                thread.join(DRAIN_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("stopped");
    }

    /** Stops the server with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    /** Blocks until the listening socket is closed. */
    public void join() throws InterruptedException {
        Thread thread = acceptor;
        if (thread != null) {
            thread.join();
        }
    }

    private static Thread worker(Runnable runnable) {
        Thread thread = new Thread(runnable, "lab03-worker");
        thread.setDaemon(false);
        return thread;
    }

    /** Whether {@code e} says that the peer reset the connection. */
    static boolean isReset(IOException e) {
        String message = e.getMessage();
        return e instanceof SocketException && message != null && message.toLowerCase(Locale.ROOT).contains("reset");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("close failed: {}", e.toString());
        }
    }

    /** Runs the server until Ctrl+C. Configure it with {@code -Dhost=...} and {@code -Dport=...}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        // 1. Configuration from system properties, with the study notes' defaults.
        String host = System.getProperty("host", DEFAULT_HOST);
        int port = Integer.getInteger("port", DEFAULT_PORT);

        // 2. Listen, and serve clients on background threads.
        HalfCloseServer server = new HalfCloseServer(host, port);
        try {
            server.start();
        } catch (IOException e) {
            // A command-line program reports failure in one line and a non-zero exit status, not a stack trace.
            String advice = e instanceof BindException ? "; stop the other server, or pass -Dport=<another port>" : "";
            System.err.println("error: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")" + advice);
            System.exit(1);
        }

        // 3. Ctrl+C stops gracefully: no new clients, the current ones finish or get FIN.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "lab03-shutdown"));
        server.join();
    }
}
