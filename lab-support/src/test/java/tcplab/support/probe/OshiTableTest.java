package tcplab.support.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.InternetProtocolStats.IPConnection;

/**
 * The OSHI backend, used on macOS and Windows, maps the rows OSHI returns there: recorded as OSHI 6 builds them
 * (macOS: types tcp4, tcp6 and tcp46 from proc_pidfdinfo, IPv4 addresses as 4 bytes even for dual-stack sockets;
 * Windows: tcp4 and tcp6 from GetExtendedTcpTable), UDP rows included.
 */
class OshiTableTest {

    private static final byte[] ANY4 = {0, 0, 0, 0};
    private static final byte[] LOOPBACK4 = {127, 0, 0, 1};
    private static final byte[] ANY6 = new byte[16];
    private static final byte[] LOOPBACK6 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static final byte[] MAPPED_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};

    /** What getConnections() returned on macOS: a Java server with its clients, CUPS on ::1, mDNS over UDP. */
    private static final List<IPConnection> MAC = List.of(
            row("tcp46", ANY4, 8080, ANY4, 0, InternetProtocolStats.TcpState.LISTEN, 812),
            row("tcp4", LOOPBACK4, 41921, ANY4, 0, InternetProtocolStats.TcpState.LISTEN, 812),
            row("tcp4", LOOPBACK4, 41921, LOOPBACK4, 54004, InternetProtocolStats.TcpState.ESTABLISHED, 812),
            row("tcp4", LOOPBACK4, 54004, LOOPBACK4, 41921, InternetProtocolStats.TcpState.ESTABLISHED, 812),
            row("tcp4", LOOPBACK4, 41921, LOOPBACK4, 54008, InternetProtocolStats.TcpState.CLOSE_WAIT, 812),
            row("tcp4", LOOPBACK4, 54008, LOOPBACK4, 41921, InternetProtocolStats.TcpState.FIN_WAIT_2, 812),
            row("tcp6", LOOPBACK6, 631, ANY6, 0, InternetProtocolStats.TcpState.LISTEN, 140),
            row("udp4", ANY4, 5353, ANY4, 0, InternetProtocolStats.TcpState.NONE, 301));

    /** What getConnections() returned on Windows: SMB on every interface, RPC on ::, a TIME_WAIT (pid 0). */
    private static final List<IPConnection> WINDOWS = List.of(
            row("tcp4", ANY4, 445, ANY4, 0, InternetProtocolStats.TcpState.LISTEN, 4),
            row("tcp4", LOOPBACK4, 41921, LOOPBACK4, 54004, InternetProtocolStats.TcpState.ESTABLISHED, 7340),
            row("tcp4", LOOPBACK4, 54006, LOOPBACK4, 41921, InternetProtocolStats.TcpState.TIME_WAIT, 0),
            row("tcp6", ANY6, 135, ANY6, 0, InternetProtocolStats.TcpState.LISTEN, 1052),
            row("tcp6", MAPPED_LOOPBACK, 45732, MAPPED_LOOPBACK, 51426, InternetProtocolStats.TcpState.ESTABLISHED,
                    7340),
            row("tcp6", LOOPBACK6, 40000, LOOPBACK6, 631, InternetProtocolStats.TcpState.UNKNOWN, 0),
            row("udp6", ANY6, 5353, ANY6, 0, InternetProtocolStats.TcpState.NONE, 2212));

    /** macOS: every TCP row, in order, with its state and addresses; the UDP row is left out. */
    @Test
    void macOsRows() {
        assertEquals(List.of(
                "*:8080 -> *:0 LISTEN",
                "127.0.0.1:41921 -> *:0 LISTEN",
                "127.0.0.1:41921 -> 127.0.0.1:54004 ESTABLISHED",
                "127.0.0.1:54004 -> 127.0.0.1:41921 ESTABLISHED",
                "127.0.0.1:41921 -> 127.0.0.1:54008 CLOSE_WAIT",
                "127.0.0.1:54008 -> 127.0.0.1:41921 FIN_WAIT_2",
                "[0:0:0:0:0:0:0:1]:631 -> *:0 LISTEN"), strings(OshiTable.map(MAC)));
    }

    /** macOS: a dual-stack (tcp46) listener on the wildcard listens on every interface. */
    @Test
    void macOsDualStackWildcardListener() {
        TcpConnection listener = OshiTable.map(MAC).get(0);
        assertTrue(listener.listensOnEveryInterface());
        assertEquals(TcpState.LISTEN, listener.state());
    }

    /** macOS lists sockets per process, so never TIME_WAIT: the probe says so rather than wait for it. */
    @Test
    void macOsCannotShowTimeWait() {
        String reason = TcpProbe.platformLimit("Mac OS X", TcpState.TIME_WAIT).orElseThrow();
        assertTrue(reason.startsWith("macOS shows no TIME_WAIT"), reason);
        for (TcpState state : TcpState.values()) {
            if (state != TcpState.TIME_WAIT) {
                assertTrue(TcpProbe.platformLimit("Mac OS X", state).isEmpty(), state.toString());
            }
        }
    }

    /** Windows: every TCP row, in order: wildcards, TIME_WAIT, and an IPv4-mapped row read as IPv4. */
    @Test
    void windowsRows() {
        assertEquals(List.of(
                "*:445 -> *:0 LISTEN",
                "127.0.0.1:41921 -> 127.0.0.1:54004 ESTABLISHED",
                "127.0.0.1:54006 -> 127.0.0.1:41921 TIME_WAIT",
                "*:135 -> *:0 LISTEN",
                "127.0.0.1:45732 -> 127.0.0.1:51426 ESTABLISHED",
                "[0:0:0:0:0:0:0:1]:40000 -> [0:0:0:0:0:0:0:1]:631 UNKNOWN"), strings(OshiTable.map(WINDOWS)));
    }

    /** Windows: the wildcard of the IPv6 table is an IPv6 address, the mapped loopback an IPv4 one. */
    @Test
    void windowsAddressFamilies() {
        List<TcpConnection> rows = OshiTable.map(WINDOWS);
        assertInstanceOf(Inet6Address.class, rows.get(3).local());
        assertInstanceOf(Inet4Address.class, rows.get(4).local());
        assertInstanceOf(Inet4Address.class, rows.get(4).remote());
    }

    /** Windows shows TIME_WAIT, and so does Linux: no platform limit there. */
    @Test
    void windowsAndLinuxCanShowTimeWait() {
        assertTrue(TcpProbe.platformLimit("Windows 11", TcpState.TIME_WAIT).isEmpty());
        assertTrue(TcpProbe.platformLimit("Linux", TcpState.TIME_WAIT).isEmpty());
    }

    /** No address bytes mean the wildcard. */
    @Test
    void emptyAddressIsTheWildcard() {
        List<TcpConnection> rows = OshiTable.map(List.of(
                row("tcp4", new byte[0], 7001, new byte[0], 0, InternetProtocolStats.TcpState.LISTEN, 9)));
        assertEquals(List.of("*:7001 -> *:0 LISTEN"), strings(rows));
        assertTrue(rows.get(0).listensOnEveryInterface());
        assertTrue(TcpConnection.address(null).isAnyLocalAddress());
    }

    /** Every OSHI state maps to the probe's state of the same name; NONE (UDP) and UNKNOWN to UNKNOWN. */
    @Test
    void everyOshiState() {
        Map<InternetProtocolStats.TcpState, TcpState> expected = Map.ofEntries(
                Map.entry(InternetProtocolStats.TcpState.UNKNOWN, TcpState.UNKNOWN),
                Map.entry(InternetProtocolStats.TcpState.NONE, TcpState.UNKNOWN),
                Map.entry(InternetProtocolStats.TcpState.CLOSED, TcpState.CLOSED),
                Map.entry(InternetProtocolStats.TcpState.LISTEN, TcpState.LISTEN),
                Map.entry(InternetProtocolStats.TcpState.SYN_SENT, TcpState.SYN_SENT),
                Map.entry(InternetProtocolStats.TcpState.SYN_RECV, TcpState.SYN_RECEIVED),
                Map.entry(InternetProtocolStats.TcpState.ESTABLISHED, TcpState.ESTABLISHED),
                Map.entry(InternetProtocolStats.TcpState.FIN_WAIT_1, TcpState.FIN_WAIT_1),
                Map.entry(InternetProtocolStats.TcpState.FIN_WAIT_2, TcpState.FIN_WAIT_2),
                Map.entry(InternetProtocolStats.TcpState.CLOSE_WAIT, TcpState.CLOSE_WAIT),
                Map.entry(InternetProtocolStats.TcpState.CLOSING, TcpState.CLOSING),
                Map.entry(InternetProtocolStats.TcpState.LAST_ACK, TcpState.LAST_ACK),
                Map.entry(InternetProtocolStats.TcpState.TIME_WAIT, TcpState.TIME_WAIT));
        for (InternetProtocolStats.TcpState state : InternetProtocolStats.TcpState.values()) {
            assertEquals(expected.get(state), OshiTable.state(state), state.toString());
        }
    }

    /** A row as OSHI builds it: type, addresses in network byte order, ports, state, queues, owning process. */
    private static IPConnection row(String type, byte[] local, int localPort, byte[] remote, int remotePort,
                                    InternetProtocolStats.TcpState state, int pid) {
        return new IPConnection(type, local, localPort, remote, remotePort, state, 0, 0, pid);
    }

    private static List<String> strings(List<TcpConnection> rows) {
        return rows.stream().map(TcpConnection::toString).toList();
    }
}
