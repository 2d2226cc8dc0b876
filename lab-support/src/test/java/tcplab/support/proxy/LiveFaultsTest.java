package tcplab.support.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A fault added to an open connection acts on its next reply, and stops acting once removed. */
class LiveFaultsTest {

    @Test
    void faultActsOnOpenConnectionUntilRemoved() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream()) {
            Latency latency = new Latency(300, 0);
            link.proxy.add(Direction.DOWNSTREAM, latency);
            assertTrue(pingMillis(link) >= 300, "expected the added latency to delay the open connection");
            link.proxy.remove(latency);
            long after = pingMillis(link);
            assertTrue(after < 250, "expected no delay once removed, took " + after + " ms");
        }
    }

    private static long pingMillis(ProxiedEcho link) throws Exception {
        long start = System.nanoTime();
        link.send("ping");
        assertEquals("ping", link.read(4));
        return (System.nanoTime() - start) / 1_000_000;
    }
}
