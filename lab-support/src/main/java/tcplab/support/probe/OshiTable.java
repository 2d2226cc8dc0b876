package tcplab.support.probe;

import java.util.List;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.InternetProtocolStats.IPConnection;

/**
 * Backend for Windows and macOS: OSHI's {@code getConnections()}, which asks the system through its native
 * interfaces ({@code GetExtendedTcpTable} on Windows, {@code proc_pidfdinfo} for each process on macOS).
 *
 * <p>Only this class touches OSHI, and the probe creates it only off Linux, so that on Linux OSHI is never loaded.
 */
final class OshiTable implements TcpTableSource {

    private final InternetProtocolStats stats;

    private OshiTable(InternetProtocolStats stats) {
        this.stats = stats;
    }

    /** Starts OSHI for this machine, which takes from a fraction of a second to a few seconds. */
    static TcpTableSource create() {
        return new OshiTable(new SystemInfo().getOperatingSystem().getInternetProtocolStats());
    }

    @Override
    public List<TcpConnection> read() {
        return map(stats.getConnections());
    }

    /** OSHI's rows as the probe's: TCP only (OSHI also lists UDP), addresses normalised. */
    static List<TcpConnection> map(List<IPConnection> rows) {
        return rows.stream()
                .filter(c -> c.getType().startsWith("tcp"))
                .map(OshiTable::toConnection)
                .toList();
    }

    private static TcpConnection toConnection(IPConnection c) {
        return new TcpConnection(
                TcpConnection.address(c.getLocalAddress()), c.getLocalPort(),
                TcpConnection.address(c.getForeignAddress()), c.getForeignPort(),
                state(c.getState()));
    }

    static TcpState state(InternetProtocolStats.TcpState state) {
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

    @Override
    public String toString() {
        return "OSHI's InternetProtocolStats.getConnections()";
    }
}
