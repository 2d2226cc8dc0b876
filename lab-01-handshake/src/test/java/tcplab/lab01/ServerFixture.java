package tcplab.lab01;

import java.io.IOException;
import java.time.Duration;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;

/** The student's {@link TCPServer} on 127.0.0.1 with a port from the kernel; a test closes it by {@code @AutoClose}. */
final class ServerFixture implements AutoCloseable {

    /**
     * How long a test waits for something the server should do at once. Only a wrong solution ever waits this long,
     * and the starter fails before it: seconds of margin for a loaded machine cost nothing.
     */
    static final Duration WITHIN = Duration.ofSeconds(5);

    private final TCPServer server;
    private int port;

    private ServerFixture(TCPServer server) {
        this.server = server;
    }

    /** A server configured for 127.0.0.1 and port 0, not yet started. */
    static ServerFixture onLoopback() {
        return new ServerFixture(new TCPServer(Loopback.HOST, 0));
    }

    /** A server configured with its default host and port 0, not yet started. */
    static ServerFixture withDefaultHost() {
        return new ServerFixture(new TCPServer(0));
    }

    /** Starts the server and returns the port it reports. */
    int start() throws IOException {
        port = server.start();
        return port;
    }

    /** Starts the server, opens one connection to it, runs {@code action}, and closes the connection. */
    void withConnection(ConnectionAction action) throws Exception {
        int serverPort = start();
        try (LineConnection client = LineConnection.open(serverPort)) {
            action.run(client, serverPort);
        }
    }

    /** The port {@link #start()} reported. */
    int port() {
        return port;
    }

    @Override
    public void close() {
        server.close();
    }

    /** What a test does with one connection to the server. */
    @FunctionalInterface
    interface ConnectionAction {
        void run(LineConnection client, int serverPort) throws Exception;
    }
}
