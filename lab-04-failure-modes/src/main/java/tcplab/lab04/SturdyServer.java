package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line server that keeps serving whatever its clients do. Each request line gets one reply line: {@code PONG}
 * for {@code PING}, the line itself otherwise. Slow, idle and silent clients are cut off after the idle timeout;
 * clients beyond its capacity get {@code BUSY}; bad input gets {@code ERROR ...}; and then the connection is closed
 * with FIN, so nothing is left behind in CLOSE_WAIT.
 */
public final class SturdyServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SturdyServer.class);

    /** The port that {@link #main} listens on without {@code -Dport}. */
    public static final int DEFAULT_PORT = 9400;
    /** Connections served at once without {@code -Dworkers}; one more gets {@code BUSY}. */
    public static final int DEFAULT_WORKERS = 8;
    /** How long a connection may go without a request and its reply, without {@code -DidleTimeoutMillis}. */
    public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 10_000;
    /** The longest request line, without its line end, without {@code -DmaxLineBytes}. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1024;
    private static final int BACKLOG = 50;
    /**
     * After a last line ({@code BUSY} or {@code ERROR ...}), how long the server waits for the client to read it
     * and for the client's own bytes and FIN, before it closes.
     */
    private static final int DRAIN_MILLIS = 500;
    /** After an {@code ERROR} line, the most that the server reads and drops of what the client still sends. */
    private static final int DRAIN_BYTES = 1 << 20;

    private final ServerSettings settings;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger names = new AtomicInteger();
    /** Set by close(), under the lock of {@code open}. */
    private boolean stopped;
    private ServerSocket listener;
    private Thread acceptor;
    private ThreadPoolExecutor workers;
    private ScheduledExecutorService watchdogs;

    /** A server with these settings; nothing happens on the network until {@link #start()}. */
    public SturdyServer(ServerSettings settings) {
        this.settings = settings;
    }

    /** Listens, starts the acceptor and the worker pool, and returns the port. */
    public synchronized int start() throws IOException {
        listener = new ServerSocket(settings.port(), BACKLOG, InetAddress.getByName(settings.host()));
        workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new SynchronousQueue<>(), r -> thread(r, "lab04-worker-" + names.incrementAndGet()));
        watchdogs = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "lab04-watchdog"));
        acceptor = thread(this::acceptLoop, "lab04-acceptor-" + listener.getLocalPort());
        acceptor.start();
        log.info("listening on {} with {} workers", listener.getLocalSocketAddress(), settings.workers());
        return listener.getLocalPort();
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (!track(client)) {
                closeQuietly(client);
                return;
            }
            handOff(client);
        }
    }

    /** Adds a new connection to those that close() ends; false once close() has begun, so none slips past it. */
    private boolean track(Socket client) {
        synchronized (open) {
            if (stopped) {
                return false;
            }
            open.add(client);
            return true;
        }
    }

    /**
     * Closes the listener. A connection the acceptor takes after this is closed at once, not tracked.
     *
     * @return the connections open at this moment, which close() must end
     */
    private List<Socket> stopAccepting() {
        synchronized (open) {
            stopped = true;
        }
        closeQuietly(listener);
        return List.copyOf(open);
    }

    /**
     * Task L4-T6: gives a new connection to a free worker of the bounded pool, which runs {@link #serve} on it. When
     * every worker is busy, the client is turned away at once with {@link #busy}, instead of waiting unseen in a
     * queue. Runs on the acceptor, so it never blocks.
     */
    void handOff(Socket client) {
        // TODO(student): L4-T6 run serve() on a worker of the bounded pool; when every worker is busy, busy().
        serve(client);
    }

    /**
     * Task L4-T6: turns a client away: sends {@code BUSY} and a line end, then FIN ({@code shutdownOutput()}), at
     * once, and releases the connection {@link #DRAIN_MILLIS} later, on the watchdog timer (at once if the timer
     * has stopped). Closing at once, with a request of the client's unread, would send RST instead of FIN, and an
     * RST can destroy the {@code BUSY} line before the client reads it. Never blocks, never throws.
     */
    private void busy(Socket client) {
        // TODO(student): L4-T6 send BUSY and FIN now; release the connection DRAIN_MILLIS later, on the watchdog
        //  timer, so that the client reads BUSY before the close.
        release(client);
    }

    private void serve(Socket client) {
        SocketAddress peer = client.getRemoteSocketAddress();
        log.info("accepted {}", peer);
        ScheduledFuture<?> watchdog = watch(client);
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                String line;
                try {
                    line = readRequestLine(in, settings.maxLineBytes());
                } catch (EOFException midLine) {
                    log.info("{} left in the middle of a line", peer);
                    return;
                } catch (BadRequest e) {
                    refuse(client, "ERROR " + e.getMessage());
                    return;
                }
                if (line == null) {
                    return;
                }
                out.write(((line.equals("PING") ? "PONG" : line) + "\n").getBytes(UTF_8));
                out.flush();
                watchdog.cancel(false);
                watchdog = watch(client);
            }
        } catch (IOException e) {
            log.info("{}: {}", peer, e.toString());
        } finally {
            // A connection that ended on its own needs no idle timer: left running, it would log a false "idle".
            watchdog.cancel(false);
            open.remove(client);
            log.info("closed {}", peer);
        }
    }

    /**
     * Task L4-T7: the idle timeout. Closes the connection if it has not completed a request and its reply within
     * {@code idleTimeoutMillis} from now. Closing from this timer also ends a read or a write that is blocked: a
     * client that goes quiet, sends a byte a second, or stops reading its replies is cut off all the same.
     *
     * @return the timer, to cancel once the connection makes progress
     */
    ScheduledFuture<?> watch(Socket client) {
        // TODO(student): L4-T7 close the connection when the idle timeout passes.
        return watchdogs.schedule(() -> { }, settings.idleTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    /** A request the server will not serve: too long, or not UTF-8. */
    static final class BadRequest extends IOException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    /**
     * Task L4-T8: reads one request line, without its line end ({@code \n} or {@code \r\n}), holding at most
     * {@code maxLineBytes} in memory.
     *
     * @return the line, or null if the client closed the connection (FIN) between lines
     * @throws EOFException if the client closed it in the middle of a line
     * @throws BadRequest if the line is longer than {@code maxLineBytes}, or is not UTF-8
     */
    static String readRequestLine(InputStream in, int maxLineBytes) throws IOException {
        // TODO(student): L4-T8 stop at maxLineBytes (BadRequest), decode strictly (BadRequest "not UTF-8"), and
        //  tell a FIN between lines (null) from a FIN in the middle of one (EOFException).
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        for (; b != '\n' && b >= 0; b = in.read()) {
            line.write(b);
        }
        return line.toString(UTF_8).strip();
    }

    /**
     * Task L4-T9: refuses a bad request: sends {@code reply} and a line end, then FIN ({@code shutdownOutput()});
     * then reads and drops what the client still sends, until its FIN, at most {@link #DRAIN_BYTES} and with reads
     * that wait at most {@link #DRAIN_MILLIS}; then releases the connection. Closing with the client's bytes unread
     * would make the kernel send RST instead of FIN, and an RST can destroy the reply before the client reads it.
     * Never throws: a failure ends only this connection.
     */
    private void refuse(Socket client, String reply) {
        // TODO(student): L4-T9 send FIN after the reply, then drain what the client still sends (reads that wait
        //  DRAIN_MILLIS, at most DRAIN_BYTES) before the release: closed with bytes unread, the socket sends RST.
        try {
            client.getOutputStream().write((reply + "\n").getBytes(UTF_8));
        } catch (IOException e) {
            log.debug("{} while refusing {}", e.toString(), client.getRemoteSocketAddress());
        } finally {
            release(client);
        }
    }

    /** Closes a connection and stops tracking it, so that close() need not end it. */
    private void release(Socket client) {
        closeQuietly(client);
        open.remove(client);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close: {}", e.toString());
        }
    }

    /**
     * Task L4-T10: stops accepting, closes every connection that {@link #stopAccepting()} returns, and stops the
     * workers and the watchdog timer, waiting a moment for each: nothing is left, no thread, no socket, no CLOSE_WAIT.
     */
    @Override
    public synchronized void close() {
        // TODO(student): L4-T10 also close every connection that stopAccepting() returns, and stop the workers and
        //  the watchdog timer, so that nothing is left: no thread, no socket, no CLOSE_WAIT.
        if (listener == null) {
            return;
        }
        stopAccepting();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close: {}", e.toString());
        }
    }

    /** Runs the server until it is killed: {@code -Dport}, {@code -Dworkers}, {@code -DidleTimeoutMillis}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        ServerSettings settings = new ServerSettings(System.getProperty("host", "127.0.0.1"),
                Integer.getInteger("port", DEFAULT_PORT), Integer.getInteger("workers", DEFAULT_WORKERS),
                Long.getLong("idleTimeoutMillis", DEFAULT_IDLE_TIMEOUT_MILLIS),
                Integer.getInteger("maxLineBytes", DEFAULT_MAX_LINE_BYTES));
        SturdyServer server = new SturdyServer(settings);
        try {
            server.start();
        } catch (IOException e) {
            // A command-line program reports failure in one line and a non-zero exit status, not a stack trace.
            String advice = e instanceof BindException ? "; stop the other server, or pass -Dport=<another port>" : "";
            System.err.println("error: cannot listen on " + settings.host() + ":" + settings.port() + " ("
                    + e.getMessage() + ")" + advice);
            System.exit(1);
        }
        server.acceptor.join();
    }
}
