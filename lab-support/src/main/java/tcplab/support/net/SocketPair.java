package tcplab.support.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Two connected sockets on loopback, both ends owned by the test: what one writes, the other reads.
 * Reads on both ends are bounded by {@link LineConnection#READ_TIMEOUT}.
 */
public final class SocketPair implements AutoCloseable {

    private final Socket left;
    private final Socket right;

    private SocketPair(Socket left, Socket right) {
        this.left = left;
        this.right = right;
    }

    /** Connects a new pair through a listening socket that is closed again at once. */
    public static SocketPair open() throws IOException {
        try (ServerSocket server = Loopback.listen()) {
            Socket left = new Socket();
            try {
                left.connect(Loopback.at(server.getLocalPort()), (int) LineConnection.READ_TIMEOUT.toMillis());
                server.setSoTimeout((int) LineConnection.READ_TIMEOUT.toMillis());
                Socket right = server.accept();
                for (Socket s : new Socket[] {left, right}) {
                    s.setSoTimeout((int) LineConnection.READ_TIMEOUT.toMillis());
                    s.setTcpNoDelay(true);
                }
                return new SocketPair(left, right);
            } catch (IOException e) {
                left.close();
                throw e;
            }
        }
    }

    /** The end the test writes with, usually. */
    public Socket writer() {
        return left;
    }

    /** The end handed to the code under test, usually. */
    public Socket reader() {
        return right;
    }

    @Override
    public void close() throws IOException {
        try {
            left.close();
        } finally {
            right.close();
        }
    }
}
