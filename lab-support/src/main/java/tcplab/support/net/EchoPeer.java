package tcplab.support.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A plain byte echo server on loopback for tests of clients: it copies each connection's bytes back as they come,
 * and answers the client's FIN with its own FIN once everything is echoed. One connection at a time.
 */
public final class EchoPeer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;

    private EchoPeer() throws IOException {
        server = Loopback.listen();
        thread = new Thread(this::serve, "echo-peer-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the echo server. */
    public static EchoPeer start() throws IOException {
        return new EchoPeer();
    }

    /** Its port. */
    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.getInputStream().transferTo(socket.getOutputStream());
                socket.shutdownOutput();
            } catch (IOException e) {
                // the client reset, or the test closed the server: serve the next one, or stop
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
