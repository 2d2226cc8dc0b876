package tcplab.support.probe;

import java.io.IOException;
import java.util.List;

/**
 * Where the probe reads the kernel's TCP table from: one backend per platform.
 *
 * <p>A backend's {@code toString()} names it (which files or which library), for the probe's self-check message.
 */
interface TcpTableSource {

    /** Every TCP connection the kernel lists right now, listeners included, on every address. */
    List<TcpConnection> read() throws IOException;
}
