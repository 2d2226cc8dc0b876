package tcplab.support.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** slow_close passes the echo at once and the server's FIN 300 ms late. */
class SlowCloseTest {

    @Test
    void finArrivesLateDataDoesNot() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream(new SlowClose(300))) {
            link.send("ping");
            link.client.shutdownOutput();
            long start = System.nanoTime();
            assertEquals("ping", link.read(4));
            long dataMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(-1, link.client.getInputStream().read());
            long finMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(dataMillis < 250, "expected the data at once, came after " + dataMillis + " ms");
            assertTrue(finMillis >= 280 && finMillis < 2_000, "expected the FIN after 300 ms, came after " + finMillis);
        }
    }
}
