package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Feedback;

/** The student's server on loopback with small limits, and the raw sockets a test opens to it; closes them all. */
final class ServerFixture implements AutoCloseable {

    static final int WORKERS = 2;
    static final long IDLE_TIMEOUT_MILLIS = 500;
    static final int MAX_LINE_BYTES = 64;

    private final SturdyServer server = new SturdyServer(
            ServerSettings.onLoopback(WORKERS, IDLE_TIMEOUT_MILLIS, MAX_LINE_BYTES));
    private final List<Socket> sockets = new ArrayList<>();
    private int port;

    int start() throws IOException {
        port = server.start();
        return port;
    }

    /** A raw connection to the server, read timeout 3 s. */
    Socket connect() throws IOException {
        Socket socket = new Socket(Loopback.ADDRESS, port);
        socket.setSoTimeout(3_000);
        sockets.add(socket);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(UTF_8));
    }

    /** Everything the server sends until its FIN; a reset or 3 s of silence throws. */
    static String readToEnd(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), UTF_8);
    }

    /** One line from the server, or null at its FIN. */
    static String readLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = socket.getInputStream().read(); b != '\n'; b = socket.getInputStream().read()) {
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            line.append((char) b);
        }
        return line.toString();
    }

    /** Like {@link #readToEnd(Socket)}, but silence or a reset fails the test with {@code expectation} and a hint. */
    static String readToEnd(Socket socket, String expectation, String hint) {
        return assertDoesNotThrow(() -> readToEnd(socket), () -> Feedback.expected(expectation)
                .but("the server sent no FIN within 3 s (or reset the connection)").hint(hint));
    }

    /** Like {@link #readLine(Socket)}, but silence or a reset fails the test with {@code expectation} and a hint. */
    static String readLine(Socket socket, String expectation, String hint) {
        return assertDoesNotThrow(() -> readLine(socket), () -> Feedback.expected(expectation)
                .but("no line came within 3 s (or the connection was reset)").hint(hint));
    }

    /** Closes only the server, while the test's connections stay open. */
    void closeServer() {
        server.close();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        server.close();
    }
}
