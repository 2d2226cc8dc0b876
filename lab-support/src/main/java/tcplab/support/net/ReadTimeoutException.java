package tcplab.support.net;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A read on a test's own connection got neither data nor EOF in time. Unchecked, so that code which handles the
 * peer's reset ({@code catch (IOException e)}) does not take silence for it.
 */
public final class ReadTimeoutException extends UncheckedIOException {

    private final int remotePort;
    private final Duration timeout;

    /** Nothing came from 127.0.0.1:{@code remotePort} within {@code timeout}. */
    public ReadTimeoutException(int remotePort, Duration timeout, SocketTimeoutException cause) {
        super("neither data nor EOF from 127.0.0.1:" + remotePort + " within " + timeout.toMillis() + " ms", cause);
        this.remotePort = remotePort;
        this.timeout = timeout;
    }

    /** The port of the silent peer. */
    public int remotePort() {
        return remotePort;
    }

    /** How long the read waited. */
    public Duration timeout() {
        return timeout;
    }
}
