package tcplab.support.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A listening socket whose accept queue is full, because nobody calls {@code accept()}.
 * On Linux the kernel then drops new SYNs without an answer, so a connect there times out.
 */
public final class FullBacklog implements AutoCloseable {

    private static final int BACKLOG = 1;
    private static final int MAX_FILLERS = 16;
    private static final int FILLER_TIMEOUT_MILLIS = 250;

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    private FullBacklog() throws IOException {
        server = new ServerSocket(0, BACKLOG, Loopback.ADDRESS);
    }

    /**
     * Opens the listener and connects until one connect times out, which shows that SYNs are being dropped.
     * Empty where the platform answers a full backlog some other way (Linux drops the SYNs).
     */
    public static Optional<FullBacklog> tryOpen() throws IOException {
        FullBacklog backlog = new FullBacklog();
        try {
            if (backlog.fill()) {
                return Optional.of(backlog);
            }
            backlog.close();
            return Optional.empty();
        } catch (RuntimeException | IOException e) {
            backlog.close();
            throw e;
        }
    }

    private boolean fill() throws IOException {
        for (int i = 0; i < MAX_FILLERS; i++) {
            Socket filler = new Socket();
            fillers.add(filler);
            try {
                filler.connect(Loopback.at(server.getLocalPort()), FILLER_TIMEOUT_MILLIS);
            } catch (SocketTimeoutException e) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** The port whose backlog is full. */
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        server.close();
    }
}
