package tcplab.support.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback port where nothing listens yet: a connect there is refused with RST.
 * The port is held by a bound, non-listening socket, so no other socket can take it until {@link #listen()}.
 */
public final class ReservedPort implements AutoCloseable {

    private final Socket holder = new Socket();
    private final int port;
    private ServerSocket listener;

    private ReservedPort() throws IOException {
        holder.setReuseAddress(true);
        holder.bind(Loopback.at(0));
        port = holder.getLocalPort();
    }

    /** Reserves a port from the kernel. */
    public static ReservedPort reserve() throws IOException {
        return new ReservedPort();
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** Starts listening on the port; from now on the kernel completes handshakes there. */
    public synchronized ServerSocket listen() throws IOException {
        if (listener == null) {
            holder.close();
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(Loopback.at(port), 50);
            listener = socket;
        }
        return listener;
    }

    @Override
    public synchronized void close() throws IOException {
        holder.close();
        if (listener != null) {
            listener.close();
        }
    }
}
