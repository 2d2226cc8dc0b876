package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.Bulk;
import tcplab.support.net.EchoPeer;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** The client reports how many bytes it sent and received, and how long the transfer took. */
class TransferCountersTest {

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
                    () -> Feedback.expected("echo() of 100 KiB through an echo peer to return within "
                                    + TcpAssertions.seconds(WITHIN))
                            .but("it was still running")
                            .hint("Send FIN with socket.shutdownOutput() once everything is written, and read until"
                                    + " read() returns -1: the peer's FIN."));
            long outside = System.nanoTime() - start;

            String hint = "Count what transferTo() returns on each side, and measure with System.nanoTime()"
                    + " from before the first write until read() returns -1.";
            assertEquals(SIZE, stats.bytesSent(),
                    Feedback.expected("bytesSent " + SIZE).but("it was " + stats.bytesSent()).hint(hint));
            assertEquals(SIZE, stats.bytesReceived(),
                    Feedback.expected("bytesReceived " + SIZE).but("it was " + stats.bytesReceived()).hint(hint));
            long nanos = stats.elapsed().toNanos();
            assertTrue(nanos > 0 && nanos <= outside, Feedback.expected("elapsed between 0 and the "
                            + outside / 1000 + " µs that echo() took")
                    .but("it was " + nanos / 1000 + " µs").hint(hint));
        }
    }
}
