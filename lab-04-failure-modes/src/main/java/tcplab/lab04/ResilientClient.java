package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
        // TODO(student): L4-T1 bound the connect and each read with the settings' timeouts, report each failure
        //  as what it is (classify), accept only a complete reply line (readLine), and close the socket always.
        try {
            Socket socket = new Socket(settings.host(), settings.port());
            OutputStream out = socket.getOutputStream();
            out.write((line + "\n").getBytes(UTF_8));
            out.flush();
            return readLine(socket.getInputStream());
        } catch (IOException e) {
            throw new RequestFailedException(classify(e), 1, e.toString(), e);
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
        // TODO(student): L4-T2 retry a failed connect after pauseMillis() until the deadline; cut every timeout to
        //  the time left.
        // TODO(student): L4-T3 retry a request that was sent and then failed once, only if it is idempotent.
        return requestOnce(line);
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
        // TODO(student): L4-T2 firstPauseMillis doubled per attempt, with equal jitter.
        return 0;
    }

    /**
     * Task L4-T4: reads up to a newline. A FIN first is an EOFException, so a peer that closes before its reply is
     * complete never passes for one that answered, even though the request's write succeeded.
     */
    static String readLine(InputStream in) throws IOException {
        // TODO(student): L4-T4 a line ends with \n; a FIN (-1) before it means the reply was cut: EOFException.
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n' && b >= 0; b = in.read()) {
            line.write(b);
        }
        return line.toString(UTF_8);
    }

    /** What an exception from a socket means. */
    static Failure classify(IOException e) {
        // TODO(student): L4-T1 SocketTimeoutException, ConnectException, "Connection reset" / "Broken pipe", EOF.
        return Failure.CLOSED;
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
