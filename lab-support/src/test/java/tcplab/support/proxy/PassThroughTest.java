package tcplab.support.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** With no fault, the proxy passes 1 MiB unchanged, keeps half-close, and passes the echo server's FIN on. */
class PassThroughTest {

    @Test
    void bytesAndHalfCloseCrossUnchanged() throws Exception {
        byte[] sent = new byte[1 << 20];
        new Random(4).nextBytes(sent);
        try (ProxiedEcho link = ProxiedEcho.withDownstream()) {
            Thread writer = new Thread(() -> {
                try {
                    link.send(sent);
                    link.client.shutdownOutput();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            byte[] echoed = link.client.getInputStream().readAllBytes();
            writer.join();
            assertArrayEquals(sent, echoed, "the bytes that came back through the proxy differ");
            assertEquals(-1, link.client.getInputStream().read(), "expected the server's FIN after the echo");
        }
    }
}
