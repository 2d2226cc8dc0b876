package tcplab.support.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe over the recorded Linux tables answers from one snapshot, and its self-check names its backend. */
class TcpSnapshotTest {

    @TempDir
    Path dir;

    private TcpProbe probe;

    @BeforeEach
    void recordedLinuxTables() throws IOException {
        Path tcp = Files.writeString(dir.resolve("tcp"), LinuxTables.TCP);
        Path tcp6 = Files.writeString(dir.resolve("tcp6"), LinuxTables.TCP6);
        probe = new TcpProbe("Linux", new ProcNetTcp(tcp, tcp6, ByteOrder.LITTLE_ENDIAN));
    }

    /** The snapshot keeps loopback and wildcard rows only: not 10.0.2.15's or 2001:db8::1's. */
    @Test
    void snapshotKeepsLoopbackAndWildcardRows() {
        List<TcpConnection> rows = probe.snapshot().connections();
        assertEquals(9 + 8 - 2, rows.size());
        assertTrue(rows.stream().allMatch(c -> c.local().isLoopbackAddress() || c.listensOnEveryInterface()),
                rows.toString());
    }

    /** find and stateOf look up one end by its ports, never the listener; a missing end is CLOSED. */
    @Test
    void findAndStateOf() {
        TcpSnapshot snapshot = probe.snapshot();
        assertEquals("127.0.0.1:41921 -> 127.0.0.1:54004 ESTABLISHED",
                snapshot.find(41921, 54004).orElseThrow().toString());
        assertEquals(TcpState.FIN_WAIT_2, snapshot.stateOf(54008, 41921));
        assertEquals(TcpState.TIME_WAIT, snapshot.stateOf(51428, 45732));
        assertTrue(snapshot.find(41921, 0).isEmpty());
        assertEquals(TcpState.CLOSED, snapshot.stateOf(41921, 60000));
    }

    /** listener finds the LISTEN row of a port, on loopback, on ::ffff:127.0.0.1 or on the wildcard. */
    @Test
    void listener() {
        TcpSnapshot snapshot = probe.snapshot();
        assertEquals("127.0.0.1:41921 -> *:0 LISTEN", snapshot.listener(41921).orElseThrow().toString());
        assertEquals("127.0.0.1:45732 -> *:0 LISTEN", snapshot.listener(45732).orElseThrow().toString());
        assertTrue(snapshot.listener(8080).orElseThrow().listensOnEveryInterface());
        assertTrue(snapshot.listener(54004).isEmpty());
    }

    /** count counts a server port's connections in a state, never its listener. */
    @Test
    void count() {
        TcpSnapshot snapshot = probe.snapshot();
        assertEquals(1, snapshot.count(41921, TcpState.CLOSE_WAIT));
        assertEquals(1, snapshot.count(41921, TcpState.ESTABLISHED));
        assertEquals(0, snapshot.count(41921, TcpState.LISTEN));
        assertEquals(0, snapshot.count(45732, TcpState.TIME_WAIT));
    }

    /** The probe's own query methods give the snapshot's answers. */
    @Test
    void probeMethodsAgreeWithTheSnapshot() {
        assertEquals(probe.snapshot(), new TcpSnapshot(probe.connections()));
        assertEquals(TcpState.CLOSE_WAIT, probe.stateOf(41921, 54008));
        assertEquals(1, probe.count(41921, TcpState.CLOSE_WAIT));
        assertTrue(probe.listener(631).isPresent());
        assertTrue(probe.find(40000, 631).isPresent());
    }

    /** A snapshot reads the table once, and cannot be changed afterwards. */
    @Test
    void snapshotReadsOnceAndIsImmutable() {
        AtomicInteger reads = new AtomicInteger();
        TcpProbe counted = new TcpProbe("Linux", () -> {
            reads.incrementAndGet();
            return List.of();
        });
        TcpSnapshot snapshot = counted.snapshot();
        snapshot.find(1, 2);
        snapshot.listener(1);
        snapshot.count(1, TcpState.CLOSE_WAIT);
        assertEquals(1, reads.get());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.connections().add(null));
    }

    /** A backend that cannot read the table makes every state unshowable, with a reason naming the backend. */
    @Test
    void unreadableTableNamesTheBackend() {
        TcpProbe broken = new TcpProbe("Linux", new ProcNetTcp(dir.resolve("absent"), dir.resolve("absent6"),
                ByteOrder.LITTLE_ENDIAN));
        String reason = broken.whyCannotShow(TcpState.LISTEN).orElseThrow();
        assertTrue(reason.contains(dir.resolve("absent") + " and " + dir.resolve("absent6") + " on Linux"), reason);
        assertTrue(reason.contains("NoSuchFileException"), reason);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, broken::snapshot);
        assertTrue(e.getMessage().contains(dir.resolve("absent").toString()), e.getMessage());
    }

    /** A backend that reads a table without this JVM's own listener is not trusted either. */
    @Test
    void blindTableNamesTheBackend() {
        TcpProbe blind = new TcpProbe("Windows 11", new TcpTableSource() {
            @Override
            public List<TcpConnection> read() {
                return List.of();
            }

            @Override
            public String toString() {
                return "a table that lists nothing";
            }
        });
        String reason = blind.whyCannotShow(TcpState.ESTABLISHED).orElseThrow();
        assertTrue(reason.contains("read from a table that lists nothing on Windows 11, does not show a socket"),
                reason);
        assertFalse(blind.canShow(TcpState.LISTEN));
    }

    /** On Linux the probe reads /proc, without OSHI. */
    @Test
    void linuxReadsProc() {
        assertEquals("/proc/net/tcp and /proc/net/tcp6 on Linux", TcpProbe.forPlatform("Linux").backend());
    }
}
