package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.Bulk;
import tcplab.support.net.EchoPeer;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** The client reports how many bytes it sent and received, and how long the transfer took. */
class TransferCountersTest {

    private static final Messages MSG = Messages.of(TransferCountersTest.class);

    private static final int SIZE = 100 * 1024;

    /** 100 KiB echo in milliseconds; seconds of margin for a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    @Points(1)
    void clientCountsBytesAndTime() throws Exception {
        try (EchoPeer peer = EchoPeer.start(); Socket socket = new Socket(Loopback.ADDRESS, peer.port())) {
            long start = System.nanoTime();
            TransferStats stats = assertTimeoutPreemptively(WITHIN, () -> BulkEchoClient.echo(socket,
                    new ByteArrayInputStream(Bulk.payload(SIZE)), OutputStream.nullOutputStream()),
                    () -> MSG.feedback("clientCountsBytesAndTime", TcpAssertions.seconds(WITHIN)));
            long outside = System.nanoTime() - start;

            String hint = MSG.text("hint");
            assertEquals(SIZE, stats.bytesSent(),
                    MSG.feedback("clientCountsBytesAndTime.2", SIZE, stats.bytesSent(), hint));
            assertEquals(SIZE, stats.bytesReceived(),
                    MSG.feedback("clientCountsBytesAndTime.3", SIZE, stats.bytesReceived(), hint));
            long nanos = stats.elapsed().toNanos();
            assertTrue(nanos > 0 && nanos <= outside, MSG.feedback("clientCountsBytesAndTime.4", outside / 1000,
                    nanos / 1000, hint));
        }
    }
}
