package tcplab.support.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A 200 ms latency downstream delays the echo by at least 200 ms, and not by much more. */
class LatencyTest {

    @Test
    void replyArrivesAfterTheDelay() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream(new Latency(200, 0))) {
            long start = System.nanoTime();
            link.send("ping");
            assertEquals("ping", link.read(4));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 200 && millis < 1_500, "expected the reply after 200 to 1500 ms, took " + millis);
        }
    }
}
