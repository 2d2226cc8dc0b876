package tcplab.support.net;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server played by the test, for checking a student's client: it listens on an ephemeral loopback port and runs
 * its script on every connection it accepts, each on a daemon thread. Closing it closes the listener and every
 * accepted connection.
 */
public final class ScriptedPeer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptedPeer.class);

    /** What the peer does with one accepted connection; the peer closes it when the script returns. */
    @FunctionalInterface
    public interface Script {
        void play(Socket socket) throws Exception;
    }

    /** Reads and drops everything, and never answers: a peer that is there but silent. */
    public static final Script SILENT = socket -> socket.getInputStream().transferTo(OutputStream.nullOutputStream());

    /** Reads one line and closes the connection (FIN) without a reply. */
    public static final Script CLOSE_AFTER_LINE = socket -> lines(socket).iterator().next();

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private ScriptedPeer(Script script) throws IOException {
        this.server = Loopback.listen();
        this.script = script;
        Thread thread = new Thread(this::acceptLoop, "scripted-peer-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Listens on an ephemeral loopback port and plays {@code script} on each client. */
    public static ScriptedPeer start(Script script) throws IOException {
        return new ScriptedPeer(script);
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections whose script is still running: for {@link #SILENT}, those the client has not closed. */
    public int active() {
        return active.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                active.incrementAndGet();
                accepted.add(socket);
                Thread thread = new Thread(() -> play(socket), "scripted-peer-connection");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void play(Socket socket) {
        try (socket) {
            script.play(socket);
        } catch (Exception e) {
            // The client reset or left, or the script gave up waiting: the test judges the client, not the peer.
            LOG.debug("script on {} ended: {}", socket, e.toString());
        } finally {
            active.decrementAndGet();
        }
    }

    /** The lines of a connection in UTF-8, read lazily until EOF. */
    public static Iterable<String> lines(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
        return () -> in.lines().iterator();
    }

    /**
     * Reads until the client's FIN and returns how many bytes came; gives up with a
     * {@link java.net.SocketTimeoutException} after {@link LineConnection#READ_TIMEOUT} of silence.
     */
    public static long readUntilFin(Socket socket) throws IOException {
        socket.setSoTimeout((int) LineConnection.READ_TIMEOUT.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        long count = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            count += n;
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
