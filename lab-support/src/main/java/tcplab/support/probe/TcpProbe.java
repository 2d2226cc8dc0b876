package tcplab.support.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * Reads the kernel's TCP connection table, the way {@code ss -tan} or {@code netstat -an} would.
 *
 * <p>Each platform has its backend: on Linux the kernel's {@code /proc/net/tcp} and {@code /proc/net/tcp6}
 * ({@link ProcNetTcp}, a few milliseconds whatever the machine runs); on Windows and macOS OSHI
 * ({@link OshiTable}). On Linux the probe never loads OSHI.
 *
 * <p>Connections are matched by local and remote port on loopback. Java's dual-stack sockets show up in
 * the IPv6 table with IPv4-mapped addresses ({@code ::ffff:127.0.0.1}); the probe reports them as IPv4.
 *
 * <p>A loop that waits for a state should take one {@link #snapshot()} per poll and ask it all its questions;
 * each of the other query methods reads the whole table once.
 *
 * <p>Where the platform cannot show a state, {@link #whyCannotShow} says why; the teaching layer skips the
 * calling test with that reason, so that a test never passes without having looked.
 */
public final class TcpProbe {

    private static final TcpProbe SYSTEM = forPlatform(System.getProperty("os.name"));

    private final String platform;
    private final TcpTableSource source;
    private volatile Optional<String> unreadable;

    TcpProbe(String platform, TcpTableSource source) {
        this.platform = platform;
        this.source = source;
    }

    /** The probe for this machine's kernel. */
    public static TcpProbe system() {
        return SYSTEM;
    }

    /** The kernel's /proc tables on Linux; OSHI elsewhere. */
    static TcpProbe forPlatform(String platform) {
        return new TcpProbe(platform, platform.startsWith("Linux") ? new ProcNetTcp() : OshiTable.create());
    }

    /**
     * The kernel's table right now, read once: every TCP connection on loopback, or listening on loopback or on
     * every interface.
     *
     * @throws UncheckedIOException if the table cannot be read ({@link #whyCannotShow} reports that up front)
     */
    public TcpSnapshot snapshot() {
        List<TcpConnection> rows;
        try {
            rows = source.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kernel's TCP table from " + source, e);
        }
        return new TcpSnapshot(rows.stream().filter(TcpConnection::isLocal).toList());
    }

    /** Every TCP connection on loopback, or listening on loopback or on every interface, right now. */
    public List<TcpConnection> connections() {
        return snapshot().connections();
    }

    /** The end of a connection whose local port is {@code localPort} and remote port is {@code remotePort}. */
    public Optional<TcpConnection> find(int localPort, int remotePort) {
        return snapshot().find(localPort, remotePort);
    }

    /** The state of that end, or {@link TcpState#CLOSED} when the kernel no longer lists it. */
    public TcpState stateOf(int localPort, int remotePort) {
        return snapshot().stateOf(localPort, remotePort);
    }

    /** The listening socket on {@code port}, if there is one. */
    public Optional<TcpConnection> listener(int port) {
        return snapshot().listener(port);
    }

    /** How many connections whose local port is {@code localPort} (a server's port, say) are in {@code state}. */
    public long count(int localPort, TcpState state) {
        return snapshot().count(localPort, state);
    }

    /** Which backend this probe reads, and on which platform: for reports. */
    public String backend() {
        return source + " on " + platform;
    }

    /**
     * Why this platform cannot show {@code state}, or empty if it can.
     *
     * <p>macOS lists only sockets that a process still owns, and no process owns a socket in TIME_WAIT.
     */
    public Optional<String> whyCannotShow(TcpState state) {
        return whyUnreadable().or(() -> platformLimit(platform, state));
    }

    /** Whether this platform can show {@code state}. */
    public boolean canShow(TcpState state) {
        return whyCannotShow(state).isEmpty();
    }

    /** What the platform's own table leaves out, whatever the backend. */
    static Optional<String> platformLimit(String platform, TcpState state) {
        if (platform.startsWith("Mac") && state == TcpState.TIME_WAIT) {
            return Optional.of("macOS shows no TIME_WAIT for sockets that no process owns,"
                    + " so this check of TIME_WAIT runs on Linux and Windows only");
        }
        return Optional.empty();
    }

    /** Checks once that a socket this JVM just opened is visible; a backend may be unable to read the table. */
    private Optional<String> whyUnreadable() {
        Optional<String> reason = unreadable;
        if (reason == null) {
            reason = selfCheck();
            unreadable = reason;
        }
        return reason;
    }

    private Optional<String> selfCheck() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            if (source.read().stream().anyMatch(c -> c.localPort() == port && c.state() == TcpState.LISTEN)) {
                return Optional.empty();
            }
            return Optional.of("the kernel's TCP table, read from " + backend() + ", does not show a socket"
                    + " listening on port " + port);
        } catch (IOException | RuntimeException e) {
            return Optional.of("the kernel's TCP table cannot be read from " + backend() + ": " + e);
        }
    }
}
