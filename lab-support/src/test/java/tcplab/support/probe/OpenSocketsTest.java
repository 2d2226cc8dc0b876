package tcplab.support.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** A socket opened after the baseline is listed until it is closed; the sockets of before are never listed. Isolated: other
 * tests' sockets would be listed too. */
@Isolated
class OpenSocketsTest {

    @Test
    void listsASocketOpenedSinceTheBaselineUntilItIsClosed() throws Exception {
        Assumptions.assumeTrue(OpenSockets.canList(), "this platform does not list a process's descriptors");
        try (ServerSocket before = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OpenSockets baseline = OpenSockets.now();
            try (ServerSocket opened = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(1, OpenSockets.since(baseline).size(), "the socket opened since the baseline");
            }
            assertTrue(OpenSockets.since(baseline).isEmpty(), "nothing once it is closed");
        }
    }
}
