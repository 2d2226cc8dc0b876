package tcplab.lab01;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line echo server: the study notes' {@code TCPServer}, grown into one that serves client after client.
 *
 * <p>Run it with {@code ./mvnw -q -pl lab-01-handshake -am compile exec:java@server -Dport=9000}.
 */
public final class TCPServer implements AutoCloseable {

    /** Loopback: only programs on this machine can connect. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The study notes' port. */
    public static final int DEFAULT_PORT = 8080;

    /** How many established connections the kernel may queue for {@code accept()}. */
    public static final int BACKLOG = 50;

    private static final Logger log = LoggerFactory.getLogger(TCPServer.class);

    private final String host;
    private final int port;
    private volatile ServerSocket serverSocket;
    private volatile Thread acceptor;

    /** A server for {@code port} on {@link #DEFAULT_HOST}. */
    public TCPServer(int port) {
        this(DEFAULT_HOST, port);
    }

    /** A server for {@code host}:{@code port}; port 0 asks the kernel for any free port. */
    public TCPServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Opens the listening socket and accepts clients on a background thread.
     *
     * @return the port the kernel assigned, which is not 0 even when the configured port was
     * @throws IOException if the address cannot be bound, for example because the port is taken
     */
    public synchronized int start() throws IOException {
        serverSocket = listen();
        Thread thread = new Thread(this::acceptLoop, "lab01-acceptor-" + serverSocket.getLocalPort());
        thread.setDaemon(true);
        acceptor = thread;
        thread.start();
        return serverSocket.getLocalPort();
    }

    /**
     * Task L1-T1: opens a socket that listens on the configured host and port. From here on the kernel answers
     * SYNs to this port with SYN-ACK, completes handshakes and queues the connections, up to {@link #BACKLOG},
     * until {@code accept()} takes them. The kernel shows the socket in LISTEN.
     *
     * <p>Task L1-T6: logs the listen, with the address, through SLF4J.
     *
     * @return the bound, listening socket
     * @throws IOException if the host is unknown or the port is taken
     */
    ServerSocket listen() throws IOException {
        ServerSocket socket = new ServerSocket(port, BACKLOG, InetAddress.getByName(host));
        log.info("listening on {}", socket.getLocalSocketAddress());
        return socket;
    }

    /**
     * Tasks L1-T2 and L1-T5: takes established connections from the backlog, one after another, and serves
     * each, until {@link #close()} closes the listening socket. One client's failure, such as a reset (RST),
     * never stops the server.
     */
    void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (serverSocket.isClosed()) {
                    return;
                }
                log.warn("accept failed: {}", e.toString());
                continue;
            }
            try {
                serve(client);
            } catch (IOException e) {
                log.warn("connection failed: {}", e.toString());
            }
        }
    }

    /**
     * Task L1-T6: serves one client and closes its socket, whatever happens, logging the accept and the close
     * with the peer's address.
     *
     * @throws IOException if the connection fails, for example because the client reset it
     */
    void serve(Socket client) throws IOException {
        SocketAddress peer = client.getRemoteSocketAddress();
        log.info("accepted {}", peer);
        try (client) {
            echoLines(client);
        } finally {
            log.info("closed {}", peer);
        }
    }

    /**
     * Task L1-T2: reads lines in UTF-8 and writes each one back, with a {@code \n}, until the client's FIN
     * makes {@code readLine()} return null.
     *
     * @throws IOException if the connection fails
     */
    void echoLines(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), UTF_8));
        Writer out = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(), UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.write(line);
            out.write('\n');
            out.flush();
        }
    }

    /** The port the server listens on, once started. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Blocks until the server is closed. */
    public void join() throws InterruptedException {
        Thread thread = acceptor;
        if (thread != null) {
            thread.join();
        }
    }

    /** Stops listening: new connects are refused. A connection being served ends on its own. */
    @Override
    public void close() {
        ServerSocket socket = serverSocket;
        if (socket == null || socket.isClosed()) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.warn("closing the listening socket failed: {}", e.toString());
        }
    }

    /** Runs the server until Ctrl+C. Configure it with {@code -Dhost=...} and {@code -Dport=...}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        // 1. Configuration from system properties, with the study notes' defaults.
        String host = System.getProperty("host", DEFAULT_HOST);
        int port = Integer.getInteger("port", DEFAULT_PORT);

        // 2. Listen, and serve clients on a background thread.
        TCPServer server = new TCPServer(host, port);
        try {
            server.start();
        } catch (IOException e) {
            // A command-line program reports failure in one line and a non-zero exit status, not a stack trace.
            String advice = e instanceof BindException ? "; stop the other server, or pass -Dport=<another port>" : "";
            System.err.println("error: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")" + advice);
            System.exit(1);
        }

        // 3. Ctrl+C closes the listening socket; until then, keep serving.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "lab01-shutdown"));
        server.join();
    }
}
