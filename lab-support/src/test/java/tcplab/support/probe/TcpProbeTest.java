package tcplab.support.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.TcpAssertions;

/** The probe reports the kernel's states for connections this JVM makes on loopback. */
class TcpProbeTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);
    private final TcpProbe probe = TcpProbe.system();

    /** A fresh listening socket shows as LISTEN on its port. */
    @Test
    void probeSeesListen() throws Exception {
        try (ServerSocket server = Loopback.listen()) {
            TcpConnection listener = TcpAssertions.awaitListener(probe, server.getLocalPort(), WITHIN, "probe bug");
            assertTrue(listener.local().isLoopbackAddress(), listener.toString());
        }
    }

    /** A listener on the wildcard address, the starter's mistake, shows as every interface. */
    @Test
    void probeSeesWildcardListener() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            TcpConnection listener = TcpAssertions.awaitListener(probe, server.getLocalPort(), WITHIN, "probe bug");
            assertTrue(listener.listensOnEveryInterface(), listener.toString());
        }
    }

    /** After the handshake both ends are ESTABLISHED, and IPv4-mapped addresses read as 127.0.0.1. */
    @Test
    void probeSeesBothEndsEstablishedWithIpv4Addresses() throws Exception {
        try (ServerSocket server = Loopback.listen();
             LineConnection client = LineConnection.open(server.getLocalPort());
             Socket peer = server.accept()) {
            TcpAssertions.awaitState(probe, client.localPort(), server.getLocalPort(), TcpState.ESTABLISHED,
                    WITHIN, "the client's end", "probe bug");
            TcpConnection serverEnd = probe.find(peer.getLocalPort(), peer.getPort()).orElseThrow();
            assertEquals(TcpState.ESTABLISHED, serverEnd.state());
            assertEquals(InetAddress.getByName("127.0.0.1"), serverEnd.local());
            assertEquals(InetAddress.getByName("127.0.0.1"), serverEnd.remote());
        }
    }

    /** After the client's half-close, the server's end is in CLOSE_WAIT and the client's in FIN_WAIT_2. */
    @Test
    void probeSeesCloseWaitAndFinWait2AfterHalfClose() throws Exception {
        try (ServerSocket server = Loopback.listen();
             LineConnection client = LineConnection.open(server.getLocalPort());
             Socket peer = server.accept()) {
            client.shutdownOutput();
            TcpAssertions.awaitState(probe, peer.getLocalPort(), peer.getPort(), TcpState.CLOSE_WAIT,
                    WITHIN, "the server's end", "probe bug");
            TcpAssertions.awaitState(probe, client.localPort(), server.getLocalPort(), TcpState.FIN_WAIT_2,
                    WITHIN, "the client's end", "probe bug");
            assertEquals(1, probe.count(server.getLocalPort(), TcpState.CLOSE_WAIT));
        }
    }

    /** The side that closes first keeps TIME_WAIT; the other side's entry goes away. */
    @Test
    void probeSeesTimeWaitOnTheSideThatClosesFirst() throws Exception {
        try (ServerSocket server = Loopback.listen()) {
            LineConnection client = LineConnection.open(server.getLocalPort());
            int clientPort = client.localPort();
            try (Socket peer = server.accept()) {
                client.close();
                TcpAssertions.awaitState(probe, peer.getLocalPort(), clientPort, TcpState.CLOSE_WAIT,
                        WITHIN, "the server's end", "probe bug");
            }
            TcpAssertions.awaitState(probe, clientPort, server.getLocalPort(), TcpState.TIME_WAIT,
                    WITHIN, "the client's end", "probe bug");
            TcpAssertions.awaitState(probe, server.getLocalPort(), clientPort, TcpState.CLOSED,
                    WITHIN, "the server's end", "probe bug");
        }
    }

    /** One snapshot shows the listener and both ends of a connection, all read at the same moment. */
    @Test
    void oneSnapshotShowsListenerAndBothEnds() throws Exception {
        try (ServerSocket server = Loopback.listen();
             LineConnection client = LineConnection.open(server.getLocalPort());
             Socket peer = server.accept()) {
            TcpAssertions.awaitState(probe, client.localPort(), server.getLocalPort(), TcpState.ESTABLISHED,
                    WITHIN, "the client's end", "probe bug");
            TcpSnapshot snapshot = probe.snapshot();
            assertTrue(snapshot.listener(server.getLocalPort()).isPresent(), snapshot.toString());
            assertEquals(TcpState.ESTABLISHED, snapshot.stateOf(peer.getLocalPort(), peer.getPort()));
            assertEquals(TcpState.ESTABLISHED, snapshot.stateOf(client.localPort(), server.getLocalPort()));
            assertEquals(1, snapshot.count(server.getLocalPort(), TcpState.ESTABLISHED));
        }
    }

    /** The 16 bytes of ::ffff:127.0.0.1 become the IPv4 address 127.0.0.1. */
    @Test
    void probeTurnsIpv4MappedAddressesIntoIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        assertEquals(InetAddress.getByName("127.0.0.1"), TcpConnection.address(mapped));
    }
}
