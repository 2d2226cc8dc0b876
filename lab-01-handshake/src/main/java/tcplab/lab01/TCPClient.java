package tcplab.lab01;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line client: the study notes' {@code TCPClient}, grown into one that connects with a timeout and retries.
 *
 * <p>Run it with {@code ./mvnw -q -pl lab-01-handshake -am compile exec:java@client -Dmessage=안녕하세요}.
 */
public final class TCPClient implements AutoCloseable {

    /** The server's default host. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The study notes' port. */
    public static final int DEFAULT_PORT = 8080;

    /** The study notes' greeting. */
    public static final String DEFAULT_MESSAGE = "Hello Server";

    private static final Logger log = LoggerFactory.getLogger(TCPClient.class);

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    private TCPClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), UTF_8));
    }

    /**
     * Opens a connection to {@code host}:{@code port}. The kernel sends SYN; {@code connect()} returns once the
     * SYN-ACK has arrived and the kernel has answered it with ACK.
     *
     * <p>Task L1-T4: each attempt waits at most {@code policy.connectTimeout()}. When SYNs are dropped (a full
     * backlog), no answer ever comes, and only this timeout ends the attempt.
     *
     * <p>Task L1-T3: an attempt that is refused (RST: nothing listens) or times out is retried. The client pauses
     * {@code policy.initialBackoff()} before the second attempt and twice the previous pause before each later one,
     * always through {@code policy.sleeper()}. It stops after {@code policy.maxAttempts()} attempts, or when the next
     * pause would end after {@code policy.totalTimeout()} from the start.
     *
     * @return the connected client
     * @throws ConnectException on giving up, with a one-line message that names {@code host:port}, the number of
     *                          attempts and the last error, such as
     *                          {@code cannot connect to 127.0.0.1:8080 after 3 attempts in 712 ms: Connection refused}
     * @throws InterruptedIOException if the thread is interrupted while pausing
     * @throws IOException for any other failure, such as an unknown host
     */
    public static TCPClient connect(String host, int port, ConnectPolicy policy) throws IOException {
        // TODO(student): L1-T4 bound each attempt by policy.connectTimeout(): new Socket(), then connect(address, ms).
        // TODO(student): L1-T3 retry refused or timed-out attempts with exponential backoff through policy.sleeper(),
        //                within policy.maxAttempts() and policy.totalTimeout(); then throw a one-line ConnectException.
        Socket socket = new Socket(host, port);
        return new TCPClient(socket);
    }


    /**
     * Sends {@code line} with a {@code \n}, in UTF-8, and reads the server's reply line.
     *
     * @return the reply, or null if the server closed the connection (FIN) first
     * @throws IOException if the connection fails
     */
    public String exchange(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
        return in.readLine();
    }

    /** This end's port, the one the kernel picked for the connection. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Closes the connection: the kernel sends FIN. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Sends one line and prints the reply. Configure it with {@code -Dhost}, {@code -Dport}, {@code -Dmessage}. */
    public static void main(String[] args) {
        // 1. Configuration from system properties, with the study notes' defaults.
        String host = System.getProperty("host", DEFAULT_HOST);
        int port = Integer.getInteger("port", DEFAULT_PORT);
        String message = System.getProperty("message", DEFAULT_MESSAGE);

        // 2. Connect (3-way handshake), exchange one line, close (FIN).
        try (TCPClient client = connect(host, port, ConnectPolicy.DEFAULT)) {
            String reply = client.exchange(message);
            System.out.println("Server: " + reply);
        } catch (IOException e) {
            // 3. A command-line program reports failure in one line and a non-zero exit status.
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
