package tcplab.support.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Sliced into 5-byte pieces 5 ms apart, a 200-byte echo reaches the reader in many small reads. */
class SlicerTest {

    @Test
    void replyArrivesInSmallPieces() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream(new Slicer(5, 0, 5_000))) {
            link.send(new byte[200]);
            InputStream in = link.client.getInputStream();
            byte[] buffer = new byte[1024];
            int total = 0;
            int reads = 0;
            int largest = 0;
            while (total < 200) {
                int n = in.read(buffer);
                total += n;
                reads++;
                largest = Math.max(largest, n);
            }
            assertEquals(200, total);
            assertTrue(reads >= 10, "expected the 40 slices to need at least 10 reads, took " + reads);
            assertTrue(largest < 200, "expected no read to get the whole reply at once");
        }
    }
}
