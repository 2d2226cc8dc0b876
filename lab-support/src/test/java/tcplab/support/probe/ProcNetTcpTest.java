package tcplab.support.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Linux backend parses recorded /proc/net/tcp and /proc/net/tcp6 tables, without the live kernel. */
class ProcNetTcpTest {

    private static final ByteOrder RECORDED_ON = ByteOrder.LITTLE_ENDIAN;

    @TempDir
    Path dir;

    /** A header line alone is an empty table. */
    @Test
    void headerAloneIsAnEmptyTable() throws Exception {
        assertEquals(List.of(), parse(LinuxTables.TCP.lines().findFirst().orElseThrow()));
    }

    /** Listeners on 0.0.0.0 and on 127.0.0.1 read as LISTEN, with a wildcard or loopback address and port 0 remote. */
    @Test
    void ipv4ListenersOnWildcardAndLoopback() throws Exception {
        List<TcpConnection> rows = parse(LinuxTables.TCP);
        TcpConnection sshd = rows.get(1);
        assertEquals("*:22 -> *:0 LISTEN", sshd.toString());
        assertTrue(sshd.listensOnEveryInterface());
        TcpConnection server = rows.get(2);
        assertEquals("127.0.0.1:41921 -> *:0 LISTEN", server.toString());
        assertFalse(server.listensOnEveryInterface());
    }

    /** An IPv4 address is one 32-bit word in host byte order: 3500007F is 127.0.0.53, 0F02000A is 10.0.2.15. */
    @Test
    void ipv4WordIsInHostByteOrder() throws Exception {
        List<TcpConnection> rows = parse(LinuxTables.TCP);
        assertEquals(InetAddress.getByName("127.0.0.53"), rows.get(0).local());
        assertEquals(53, rows.get(0).localPort());
        assertEquals("10.0.2.15:22 -> 10.0.2.1:50000 ESTABLISHED", rows.get(7).toString());
    }

    /** A big-endian kernel prints the same word the other way round. */
    @Test
    void bigEndianKernelPrintsTheWordInNetworkOrder() throws Exception {
        String table = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 7F000035:0035 00000000:0000 0A 00000000:00000000 00:00000000 00000000   101        0 17845 1 0000000000000000 100 0 0 10 5
                """;
        List<TcpConnection> rows = ProcNetTcp.parse(reader(table), ByteOrder.BIG_ENDIAN);
        assertEquals("127.0.0.53:53 -> *:0 LISTEN", rows.get(0).toString());
    }

    /** Both ends of an established loopback connection are listed, each with its own local port. */
    @Test
    void establishedPairFromBothEnds() throws Exception {
        List<TcpConnection> rows = parse(LinuxTables.TCP);
        assertEquals("127.0.0.1:41921 -> 127.0.0.1:54004 ESTABLISHED", rows.get(3).toString());
        assertEquals("127.0.0.1:54004 -> 127.0.0.1:41921 ESTABLISHED", rows.get(4).toString());
    }

    /** After a half-close the server's end is CLOSE_WAIT (08) and the client's FIN_WAIT2 (05). */
    @Test
    void halfClosedPair() throws Exception {
        List<TcpConnection> rows = parse(LinuxTables.TCP);
        assertEquals("127.0.0.1:41921 -> 127.0.0.1:54008 CLOSE_WAIT", rows.get(5).toString());
        assertEquals("127.0.0.1:54008 -> 127.0.0.1:41921 FIN_WAIT_2", rows.get(6).toString());
    }

    /** A TIME_WAIT row is shorter and has inode 0 (no socket, no process); it still reads as TIME_WAIT. */
    @Test
    void timeWaitRowWithoutInode() throws Exception {
        List<TcpConnection> rows = parse(LinuxTables.TCP);
        assertEquals("127.0.0.1:54006 -> 127.0.0.1:41921 TIME_WAIT", rows.get(8).toString());
        assertEquals(9, rows.size());
    }

    /** Every state code of include/net/tcp_states.h maps to its state; any other code is UNKNOWN. */
    @Test
    void everyStateCode() {
        List<TcpState> expected = List.of(TcpState.UNKNOWN, TcpState.ESTABLISHED, TcpState.SYN_SENT,
                TcpState.SYN_RECEIVED, TcpState.FIN_WAIT_1, TcpState.FIN_WAIT_2, TcpState.TIME_WAIT, TcpState.CLOSED,
                TcpState.CLOSE_WAIT, TcpState.LAST_ACK, TcpState.LISTEN, TcpState.CLOSING, TcpState.UNKNOWN);
        for (int code = 0; code < expected.size(); code++) {
            assertEquals(expected.get(code), ProcNetTcp.state(code), "state code " + code);
        }
    }

    /** IPv6 addresses are four words, each in host byte order: ::, ::1 and 2001:db8::1. */
    @Test
    void ipv6WildcardLoopbackAndGlobal() throws Exception {
        List<TcpConnection> rows = parse(LinuxTables.TCP6);
        TcpConnection wildcard = rows.get(0);
        assertInstanceOf(Inet6Address.class, wildcard.local());
        assertTrue(wildcard.listensOnEveryInterface());
        assertEquals("*:8080 -> *:0 LISTEN", wildcard.toString());
        assertEquals("[0:0:0:0:0:0:0:1]:631 -> *:0 LISTEN", rows.get(1).toString());
        assertEquals("[0:0:0:0:0:0:0:1]:40000 -> [0:0:0:0:0:0:0:1]:631 ESTABLISHED", rows.get(5).toString());
        assertEquals(InetAddress.getByName("2001:db8::1"), rows.get(6).local());
        assertEquals(InetAddress.getByName("2001:db8::2"), rows.get(6).remote());
    }

    /** A dual-stack socket's ::ffff:127.0.0.1 reads as the IPv4 address 127.0.0.1, as OSHI's did. */
    @Test
    void ipv4MappedAddressesReadAsIpv4() throws Exception {
        List<TcpConnection> rows = parse(LinuxTables.TCP6);
        TcpConnection server = rows.get(3);
        assertInstanceOf(Inet4Address.class, server.local());
        assertInstanceOf(Inet4Address.class, server.remote());
        assertEquals("127.0.0.1:45732 -> 127.0.0.1:51426 ESTABLISHED", server.toString());
        assertEquals("127.0.0.1:51428 -> 127.0.0.1:45732 TIME_WAIT", rows.get(7).toString());
    }

    /** The backend reads the IPv4 table, then the IPv6 table. */
    @Test
    void readsBothTables() throws Exception {
        List<TcpConnection> rows = backend(write("tcp", LinuxTables.TCP), write("tcp6", LinuxTables.TCP6)).read();
        assertEquals(9 + 8, rows.size());
        assertEquals("127.0.0.53:53 -> *:0 LISTEN", rows.get(0).toString());
        assertEquals("*:8080 -> *:0 LISTEN", rows.get(9).toString());
    }

    /** Without IPv6 the kernel has no tcp6 table: the IPv4 rows alone, no error. */
    @Test
    void missingIpv6TableIsNotAnError() throws Exception {
        List<TcpConnection> rows = backend(write("tcp", LinuxTables.TCP), dir.resolve("tcp6")).read();
        assertEquals(9, rows.size());
    }

    /** Without the IPv4 table there is no table to read: an error, which the probe's self-check reports. */
    @Test
    void missingIpv4TableIsAnError() throws Exception {
        ProcNetTcp backend = backend(dir.resolve("tcp"), write("tcp6", LinuxTables.TCP6));
        assertThrows(NoSuchFileException.class, backend::read);
    }

    /** A row that is not in the kernel's format is an error naming the row, never a wrong answer. */
    @Test
    void malformedRowIsAnError() {
        String table = LinuxTables.TCP.lines().findFirst().orElseThrow() + "\n   0: 0100007F 00000000:0000 0A\n";
        IOException e = assertThrows(IOException.class, () -> parse(table));
        assertTrue(e.getMessage().contains("0100007F 00000000:0000"), e.getMessage());
    }

    /** A row that the kernel handed over twice, while connections came and went between its pages, counts once. */
    @Test
    void rowReadTwiceCountsOnce() throws IOException {
        String header = LinuxTables.TCP.lines().findFirst().orElseThrow();
        String row = "   0: 0100007F:A3C1 0100007F:D2F4 01 00000000:00000000 00:00000000 00000000  1000        0 12345 1"
                + " 0000000000000000 20 4 30 10 -1";
        List<TcpConnection> rows = parse(header + "\n" + row + "\n" + row.replaceFirst("0:", "1:") + "\n");
        assertEquals(2, rows.size(), "the parser keeps what the kernel wrote");
        assertEquals(1, ProcNetTcp.withoutRepeats(rows).size(), "a snapshot keeps each connection once");
    }

    /** A file that is not a TCP table at all is an error. */
    @Test
    void otherFileIsAnError() {
        assertThrows(IOException.class, () -> parse("Inter-|   Receive\n face |bytes\n"));
    }

    private static List<TcpConnection> parse(String table) throws IOException {
        return ProcNetTcp.parse(reader(table), RECORDED_ON);
    }

    private static BufferedReader reader(String table) {
        return new BufferedReader(new StringReader(table));
    }

    private Path write(String name, String table) throws IOException {
        return Files.writeString(dir.resolve(name), table);
    }

    private static ProcNetTcp backend(Path tcp, Path tcp6) {
        return new ProcNetTcp(tcp, tcp6, RECORDED_ON);
    }
}
