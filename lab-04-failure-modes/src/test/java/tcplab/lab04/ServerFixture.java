package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** The student's server on loopback with small limits, and the connections a test opens to it; closes them all. */
final class ServerFixture implements AutoCloseable {

    static final int WORKERS = 2;
    static final long IDLE_TIMEOUT_MILLIS = 500;
    static final int MAX_LINE_BYTES = 64;

    private final SturdyServer server = new SturdyServer(
            ServerSettings.onLoopback(WORKERS, IDLE_TIMEOUT_MILLIS, MAX_LINE_BYTES));
    private final List<LineConnection> connections = new ArrayList<>();
    private int port;

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

    /** Everything the server sends until its FIN. */
    static String readToEnd(LineConnection connection) throws IOException {
        return new String(connection.readBytes(Integer.MAX_VALUE), UTF_8);
    }

    /** Like {@link #readToEnd(LineConnection)}, but silence or a reset fails the test with this expectation. */
    static String readToEnd(LineConnection connection, String expectation, String hint) {
        return assertDoesNotThrow(() -> readToEnd(connection), () -> Feedback.expected(expectation)
                .but("the server sent no FIN within " + TcpAssertions.seconds(LineConnection.READ_TIMEOUT)
                        + " (or reset the connection)").hint(hint));
    }

    /** Like {@link LineConnection#readLine()}, but silence or a reset fails the test with this expectation. */
    static String readLine(LineConnection connection, String expectation, String hint) {
        return assertDoesNotThrow(connection::readLine, () -> Feedback.expected(expectation)
                .but("no line came within " + TcpAssertions.seconds(LineConnection.READ_TIMEOUT)
                        + " (or the connection was reset)").hint(hint));
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
