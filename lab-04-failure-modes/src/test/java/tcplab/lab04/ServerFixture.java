package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** The student's server on loopback with small limits, and the connections a test opens to it; closes them all. */
final class ServerFixture implements AutoCloseable {

    private static final Messages MSG = Messages.of(ServerFixture.class);

    static final int WORKERS = 2;
    static final long IDLE_TIMEOUT_MILLIS = 500;
    static final int MAX_LINE_BYTES = 64;

    private final SturdyServer server;
    private final List<LineConnection> connections = new ArrayList<>();
    private int port;

    /** The server with the small limits above. */
    ServerFixture() {
        this(IDLE_TIMEOUT_MILLIS);
    }

    /** The same, with another idle timeout: for tests whose clients must stay connected a while. */
    ServerFixture(long idleTimeoutMillis) {
        server = new SturdyServer(ServerSettings.onLoopback(WORKERS, idleTimeoutMillis, MAX_LINE_BYTES));
    }

    int start() throws IOException {
        port = server.start();
        return port;
    }

    /** A connection to the server; its reads fail the test after {@link LineConnection#READ_TIMEOUT}. */
    LineConnection connect() throws IOException {
        LineConnection connection = LineConnection.open(port);
        connections.add(connection);
        return connection;
    }

    /** Like {@link LineConnection#readToEnd()}, but silence or a reset fails the test with this expectation. */
    static String readToEnd(LineConnection connection, String expectation, String hint) {
        return assertDoesNotThrow(connection::readToEnd, () -> MSG.feedback("readToEnd", expectation,
                TcpAssertions.seconds(LineConnection.READ_TIMEOUT), hint));
    }

    /** Like {@link LineConnection#readLine()}, but silence or a reset fails the test with this expectation. */
    static String readLine(LineConnection connection, String expectation, String hint) {
        return assertDoesNotThrow(connection::readLine, () -> MSG.feedback("readLine", expectation,
                TcpAssertions.seconds(LineConnection.READ_TIMEOUT), hint));
    }

    /**
     * Reads the next line, or null at the server's FIN, waiting at most {@code within}; silence fails the test with
     * {@code message}. For waits longer than {@link LineConnection#READ_TIMEOUT}.
     */
    static String readLineWithin(LineConnection connection, Duration within, String message) throws IOException {
        connection.socket().setSoTimeout((int) within.plusSeconds(1).toMillis());
        return assertTimeoutPreemptively(within, connection::readLine, message);
    }

    /** Closes only the server, while the test's connections stay open. */
    void closeServer() {
        server.close();
    }

    @Override
    public void close() throws IOException {
        for (LineConnection c : connections) {
            c.close();
        }
        server.close();
    }
}
