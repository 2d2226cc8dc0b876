package tcplab.support.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** reset_peer lets its bytes through, then resets; on a timer it resets a quiet connection. */
class ResetPeerTest {

    @Test
    void resetAfterBytesPassesThoseBytesThenResets() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream(ResetPeer.afterBytes(10))) {
            link.send("0123456789abcdefghij");
            assertEquals("0123456789", link.read(10));
            SocketException e = assertThrows(SocketException.class, () -> link.client.getInputStream().read());
            assertTrue(e.getMessage().contains("reset"), "expected a reset, got " + e);
        }
    }

    @Test
    void resetAfterMillisResetsAQuietConnection() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream(ResetPeer.afterMillis(200))) {
            long start = System.nanoTime();
            SocketException e = assertThrows(SocketException.class, () -> link.client.getInputStream().read());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("reset"), "expected a reset, got " + e);
            assertTrue(millis >= 150 && millis < 2_000, "expected the reset after 200 ms, came after " + millis);
        }
    }
}
