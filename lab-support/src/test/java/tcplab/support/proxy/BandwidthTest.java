package tcplab.support.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** At 100,000 bytes a second, a 50,000-byte echo takes half a second, and not much more. */
class BandwidthTest {

    @Test
    void transferTakesAsLongAsTheRateAllows() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream(new Bandwidth(100_000))) {
            long start = System.nanoTime();
            link.send(new byte[50_000]);
            assertEquals(50_000, link.client.getInputStream().readNBytes(50_000).length);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 450 && millis < 2_500, "expected 450 to 2500 ms at 100 kB/s, took " + millis);
        }
    }
}
