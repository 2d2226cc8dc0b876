package tcplab.support.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.InternetProtocolStats.IPConnection;

/**
 * Reads the kernel's TCP connection table through OSHI, the way {@code ss -tan} or {@code netstat -an} would.
 *
 * <p>Connections are matched by local and remote port on loopback. Java's dual-stack sockets show up in
 * the IPv6 table with IPv4-mapped addresses ({@code ::ffff:127.0.0.1}); the probe reports them as IPv4.
 *
 * <p>Where the platform cannot show a state, {@link #whyCannotShow} says why; the teaching layer skips the
 * calling test with that reason, so that a test never passes without having looked.
 */
public final class TcpProbe {

    private static final TcpProbe SYSTEM = new TcpProbe();

    private final String platform = System.getProperty("os.name");
    private final InternetProtocolStats stats = new SystemInfo().getOperatingSystem().getInternetProtocolStats();
    private volatile Optional<String> unreadable;

    private TcpProbe() {
    }

    /** The probe for this machine's kernel. */
    public static TcpProbe system() {
        return SYSTEM;
    }

    /** Every TCP connection on loopback, or listening on loopback or on every interface, right now. */
    public List<TcpConnection> connections() {
        return stats.getConnections().stream()
                .filter(c -> c.getType().startsWith("tcp"))
                .map(TcpProbe::toConnection)
                .filter(c -> c.local().isLoopbackAddress() || c.local().isAnyLocalAddress())
                .toList();
    }

    /** The end of a connection whose local port is {@code localPort} and remote port is {@code remotePort}. */
    public Optional<TcpConnection> find(int localPort, int remotePort) {
        return connections().stream()
                .filter(c -> c.localPort() == localPort && c.remotePort() == remotePort && c.state() != TcpState.LISTEN)
                .findFirst();
    }

    /** The state of that end, or {@link TcpState#CLOSED} when the kernel no longer lists it. */
    public TcpState stateOf(int localPort, int remotePort) {
        return find(localPort, remotePort).map(TcpConnection::state).orElse(TcpState.CLOSED);
    }

    /** The listening socket on {@code port}, if there is one. */
    public Optional<TcpConnection> listener(int port) {
        return connections().stream()
                .filter(c -> c.localPort() == port && c.state() == TcpState.LISTEN)
                .findFirst();
    }

    /** How many connections whose local port is {@code localPort} (a server's port, say) are in {@code state}. */
    public long count(int localPort, TcpState state) {
        return connections().stream()
                .filter(c -> c.localPort() == localPort && c.remotePort() != 0 && c.state() == state)
                .count();
    }

    /**
     * Why this platform cannot show {@code state}, or empty if it can.
     *
     * <p>macOS lists only sockets that a process still owns, and no process owns a socket in TIME_WAIT.
     */
    public Optional<String> whyCannotShow(TcpState state) {
        Optional<String> reason = whyUnreadable();
        if (reason.isPresent()) {
            return reason;
        }
        if (platform.startsWith("Mac") && state == TcpState.TIME_WAIT) {
            return Optional.of("macOS shows no TIME_WAIT for sockets that no process owns,"
                    + " so this check of TIME_WAIT runs on Linux and Windows only");
        }
        return Optional.empty();
    }

    /** Whether this platform can show {@code state}. */
    public boolean canShow(TcpState state) {
        return whyCannotShow(state).isEmpty();
    }

    /** Checks once that a socket this JVM just opened is visible; some platforms give OSHI no table. */
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
            if (listener(socket.getLocalPort()).isPresent()) {
                return Optional.empty();
            }
            return Optional.of("the kernel's TCP table is not readable through OSHI on " + platform
                    + ": a socket listening on port " + socket.getLocalPort() + " did not show up");
        } catch (IOException | RuntimeException e) {
            return Optional.of("the kernel's TCP table is not readable through OSHI on " + platform + ": " + e);
        }
    }

    private static TcpConnection toConnection(IPConnection c) {
        return new TcpConnection(
                address(c.getLocalAddress()), c.getLocalPort(),
                address(c.getForeignAddress()), c.getForeignPort(),
                state(c.getState()), c.getowningProcessId());
    }

    private static TcpState state(InternetProtocolStats.TcpState state) {
        return switch (state) {
            case LISTEN -> TcpState.LISTEN;
            case SYN_SENT -> TcpState.SYN_SENT;
            case SYN_RECV -> TcpState.SYN_RECEIVED;
            case ESTABLISHED -> TcpState.ESTABLISHED;
            case FIN_WAIT_1 -> TcpState.FIN_WAIT_1;
            case FIN_WAIT_2 -> TcpState.FIN_WAIT_2;
            case CLOSE_WAIT -> TcpState.CLOSE_WAIT;
            case CLOSING -> TcpState.CLOSING;
            case LAST_ACK -> TcpState.LAST_ACK;
            case TIME_WAIT -> TcpState.TIME_WAIT;
            case CLOSED -> TcpState.CLOSED;
            default -> TcpState.UNKNOWN;
        };
    }

    /** Turns OSHI's raw bytes into an address; IPv4-mapped IPv6 becomes IPv4, and no bytes mean the wildcard. */
    static InetAddress address(byte[] raw) {
        try {
            if (raw == null || raw.length == 0) {
                return InetAddress.getByAddress(new byte[4]);
            }
            if (raw.length == 16 && isIpv4Mapped(raw)) {
                return InetAddress.getByAddress(Arrays.copyOfRange(raw, 12, 16));
            }
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + Arrays.toString(raw), e);
        }
    }

    private static boolean isIpv4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }
}
