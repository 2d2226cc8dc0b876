package tcplab.support.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** A blackhole drops the echo with no FIN and no RST; with a timeout it then closes with FIN. */
class TimeoutTest {

    @Test
    void blackholeLeavesTheReaderWaiting() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream(Timeout.blackhole())) {
            link.client.setSoTimeout(500);
            link.send("ping");
            assertThrows(SocketTimeoutException.class, () -> link.client.getInputStream().read(),
                    "expected silence: no data, no FIN, no RST");
        }
    }

    @Test
    void timeoutClosesWithFinAfterItsTime() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream(new Timeout(300))) {
            long start = System.nanoTime();
            link.send("ping");
            assertEquals(-1, link.client.getInputStream().read(), "expected EOF (FIN), not data");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 280 && millis < 2_000, "expected the FIN after 300 ms, came after " + millis);
        }
    }
}
