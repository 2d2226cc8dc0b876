package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line client that fails well: every wait is bounded, every failure is reported as what it is, and a request is
 * retried only when that is safe. One request, one connection: connect, send a line, read the reply line, close.
 */
public final class ResilientClient {

    private static final Logger log = LoggerFactory.getLogger(ResilientClient.class);
    /** The longest reply line the client accepts. */
    static final int MAX_REPLY_BYTES = 64 * 1024;

    private final ClientSettings settings;

    public ResilientClient(ClientSettings settings) {
        this.settings = settings;
    }

    /** How one attempt failed, and whether the request had left before it did. */
    private static final class AttemptFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final Failure failure;
        final boolean sent;

        AttemptFailed(Failure failure, boolean sent, IOException cause) {
            super(cause);
            this.failure = failure;
            this.sent = sent;
        }
    }

    /**
     * Task L4-T1: sends one line on a new connection and returns the reply line, in one attempt. The connect waits
     * at most the connect timeout for the SYN-ACK, and each read at most the read timeout; the socket is closed on
     * every path. A reply counts only when its line is complete: a FIN before the newline is a failure.
     *
     * @return the reply, without its line end
     * @throws RequestFailedException with {@link Failure#TIMEOUT} when the peer is silent, {@link Failure#REFUSED}
     *         when nothing listens, {@link Failure#RESET} on RST, {@link Failure#CLOSED} on a FIN before the reply
     */
    public String requestOnce(String line) throws RequestFailedException {
        long deadline = System.nanoTime() + settings.deadlineMillis() * 1_000_000;
        try {
            return attempt(line, deadline);
        } catch (AttemptFailed e) {
            throw new RequestFailedException(e.failure, 1, e.getCause().toString(), e.getCause());
        }
    }

    /**
     * Task L4-T2 and L4-T3: sends one line and returns the reply, retrying within one overall deadline. A connect
     * that fails (nothing was sent) is retried after a pause from {@link #pauseMillis}. A request that was sent and
     * then failed (timeout, reset, FIN) is retried once, on a new connection, and only if it is idempotent: the
     * server may have acted on it. Each attempt's timeouts are cut to the time left before the deadline.
     *
     * @param idempotent whether sending the request twice does no harm
     * @return the reply, without its line end
     * @throws RequestFailedException with the last attempt's failure, or {@link Failure#DEADLINE} when the next
     *         attempt could not start before the deadline
     */
    public String request(String line, boolean idempotent) throws RequestFailedException {
        long deadline = System.nanoTime() + settings.deadlineMillis() * 1_000_000;
        boolean retriedAfterSending = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(line, deadline);
            } catch (AttemptFailed e) {
                IOException cause = (IOException) e.getCause();
                if (e.sent && (!idempotent || retriedAfterSending) || e.failure == Failure.DEADLINE) {
                    throw new RequestFailedException(e.failure, attempt, cause.toString(), cause);
                }
                retriedAfterSending |= e.sent;
                long pause = e.sent ? 0 : pauseMillis(attempt, settings.firstPauseMillis(),
                        settings.random().getAsDouble());
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (pause >= left) {
                    throw new RequestFailedException(Failure.DEADLINE, attempt,
                            "no time left for another attempt (last: " + cause + ")", cause);
                }
                log.info("attempt {} failed ({}); retrying in {} ms", attempt, e.failure, pause);
                sleep(pause);
            }
        }
    }

    /**
     * Task L4-T2: the pause before attempt {@code attempt + 1}: {@code firstPauseMillis} doubled for each attempt
     * after the first, with "equal jitter": half of it fixed, the other half scaled by {@code random}, so that
     * clients that failed together do not retry together.
     *
     * @param attempt the attempt that just failed, from 1
     * @param random  a number in [0, 1)
     * @return a pause in [base / 2, base], where base = firstPauseMillis × 2^(attempt − 1)
     */
    public static long pauseMillis(int attempt, long firstPauseMillis, double random) {
        long base = firstPauseMillis << Math.min(attempt - 1, 30);
        return base / 2 + (long) (random * (base - base / 2));
    }

    private String attempt(String line, long deadline) throws AttemptFailed {
        boolean sent = false;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()),
                    cut(settings.connectTimeoutMillis(), deadline));
            socket.setSoTimeout(cut(settings.readTimeoutMillis(), deadline));
            OutputStream out = socket.getOutputStream();
            out.write((line + "\n").getBytes(UTF_8));
            out.flush();
            sent = true;
            return readLine(socket.getInputStream());
        } catch (IOException e) {
            throw new AttemptFailed(classify(e), sent, e);
        }
    }

    /** A timeout no longer than the time left; a deadline already passed is a failure of its own. */
    private static int cut(int timeoutMillis, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new DeadlinePassed();
        }
        return (int) Math.min(timeoutMillis, left);
    }

    private static final class DeadlinePassed extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlinePassed() {
            super("the deadline passed");
        }
    }

    /**
     * Task L4-T4: reads up to a newline. A FIN first is an EOFException, so a peer that closes before its reply is
     * complete never passes for one that answered, even though the request's write succeeded.
     */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException(line.size() == 0 ? "the server closed the connection without a reply"
                        : "the server closed the connection in the middle of its reply");
            }
            if (line.size() == MAX_REPLY_BYTES) {
                throw new IOException("reply line over " + MAX_REPLY_BYTES + " bytes");
            }
            line.write(b);
        }
        return line.toString(UTF_8);
    }

    /** What an exception from a socket means. */
    static Failure classify(IOException e) {
        if (e instanceof DeadlinePassed) {
            return Failure.DEADLINE;
        }
        if (e instanceof SocketTimeoutException) {
            return Failure.TIMEOUT;
        }
        if (e instanceof ConnectException) {
            return Failure.REFUSED;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("reset") || message.contains("broken pipe")) {
            return Failure.RESET;
        }
        return Failure.CLOSED;
    }

    private static void sleep(long millis) throws RequestFailedException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException(Failure.DEADLINE, 0, "interrupted while pausing", null);
        }
    }

    /** Sends one line (default {@code PING}) to the server and prints the reply, or the failure. */
    public static void main(String[] args) {
        int port = Integer.getInteger("port", SturdyServer.DEFAULT_PORT);
        ResilientClient client = new ResilientClient(ClientSettings.of(port, 1_000, 2_000, 5_000));
        String line = System.getProperty("message", "PING");
        try {
            System.out.println(client.request(line, true));
        } catch (RequestFailedException e) {
            System.out.println("failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
