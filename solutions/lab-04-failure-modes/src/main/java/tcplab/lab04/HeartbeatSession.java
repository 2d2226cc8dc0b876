package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-lived connection that knows when its peer is gone. A peer that crashed, or whose network went away,
 * sends neither FIN nor RST: a read just waits. So the session sends {@code PING} every interval and expects
 * {@code PONG} within {@code deadAfterMillis}; when it does not come, the peer is declared dead and the socket
 * closed. TCP keepalive is switched on too, but its defaults wait two hours before the first probe.
 */
public final class HeartbeatSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatSession.class);
    /** Keepalive: seconds of silence before the first probe (the system's default is 7200). */
    public static final int KEEPALIVE_IDLE_SECONDS = 10;
    /** Keepalive: seconds between unanswered probes. */
    public static final int KEEPALIVE_INTERVAL_SECONDS = 5;
    /** Keepalive: unanswered probes before the kernel drops the connection. */
    public static final int KEEPALIVE_PROBES = 3;

    private final Socket socket;
    private final long intervalMillis;
    private final long deadAfterMillis;
    private final Thread heartbeat;
    private volatile boolean alive = true;
    private volatile Failure cause;

    private HeartbeatSession(Socket socket, long intervalMillis, long deadAfterMillis) {
        this.socket = socket;
        this.intervalMillis = intervalMillis;
        this.deadAfterMillis = deadAfterMillis;
        this.heartbeat = new Thread(this::beat, "heartbeat-" + socket.getLocalPort());
        this.heartbeat.setDaemon(true);
    }

    /**
     * Connects to the server, switches keepalive on, and starts the heartbeat.
     *
     * @throws IOException if the connection cannot be made
     */
    public static HeartbeatSession open(ClientSettings settings, long intervalMillis, long deadAfterMillis)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), settings.connectTimeoutMillis());
            keepAlive(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        HeartbeatSession session = new HeartbeatSession(socket, intervalMillis, deadAfterMillis);
        session.heartbeat.start();
        return session;
    }

    /**
     * Task L4-T5: switches TCP keepalive on, and where the platform lets Java set them
     * ({@link ExtendedSocketOptions#TCP_KEEPIDLE} and friends), makes it probe after
     * {@link #KEEPALIVE_IDLE_SECONDS} instead of the system's two hours.
     */
    public static void keepAlive(Socket socket) throws IOException {
        socket.setKeepAlive(true);
        if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
            socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, KEEPALIVE_IDLE_SECONDS);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, KEEPALIVE_INTERVAL_SECONDS);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, KEEPALIVE_PROBES);
        }
    }

    /**
     * Task L4-T5: the heartbeat. Sends {@code PING}, waits at most {@code deadAfterMillis} for {@code PONG}, pauses
     * {@code intervalMillis}, and again, until an answer is missing, wrong, or the connection fails; then marks the
     * session dead with the reason and closes the socket.
     */
    private void beat() {
        try {
            socket.setSoTimeout((int) deadAfterMillis);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            while (true) {
                out.write("PING\n".getBytes(UTF_8));
                out.flush();
                String answer = ResilientClient.readLine(in);
                if (!answer.equals("PONG")) {
                    throw new IOException("expected PONG, got " + answer);
                }
                Thread.sleep(intervalMillis);
            }
        } catch (IOException e) {
            cause = ResilientClient.classify(e);
            log.info("peer declared dead ({}): {}", cause, e.toString());
        } catch (InterruptedException e) {
            cause = Failure.CLOSED;
        } finally {
            alive = false;
            closeQuietly();
        }
    }

    /** Whether the peer has answered every heartbeat so far. */
    public boolean isAlive() {
        return alive;
    }

    /** Why the peer was declared dead, or null while it is alive. */
    public Failure cause() {
        return cause;
    }

    /** The local port of the session's connection. */
    public int localPort() {
        return socket.getLocalPort();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close: {}", e.toString());
        }
    }

    @Override
    public void close() {
        heartbeat.interrupt();
        closeQuietly();
    }
}
