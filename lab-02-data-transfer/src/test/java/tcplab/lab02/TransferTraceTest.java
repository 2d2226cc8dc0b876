package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tcplab.support.teach.TraceAssertions.assertInOrder;
import static tcplab.support.teach.TraceAssertions.assertLayout;
import static tcplab.support.teach.TraceAssertions.assumeSegments;

import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.KitOnly;
import tcplab.support.trace.Segment;
import tcplab.support.trace.Trace;

/** The trace of lab 02 shows what the handout says: sequence numbers count bytes, and acknowledgements follow. */
// Alone, so other tests' connections do not crowd the capture and the probe; a scenario waits up to 2 s per step
// for the state it predicts, and starting and stopping tcpdump takes a few hundred milliseconds more.
@KitOnly
@Isolated
@Timeout(30)
class TransferTraceTest {

    @Test
    void clientSequenceNumbersAdvanceByTheBytesSent() throws Exception {
        try (Trace trace = TransferTrace.bulkTransfer()) {
            assumeSegments(trace);
            Trace.Step transfer = trace.steps().get(2);
            List<Segment> data = transfer.segments().stream().filter(s -> s.length() > 0 && trace.fromClient(s))
                    .toList();
            // A loaded machine can drop on loopback too; a retransmission repeats numbers already sent, so the
            // check follows the highest number sent so far rather than adding up lengths.
            long first = data.get(0).seq();
            long end = 0;
            for (Segment segment : data) {
                long start = (segment.seq() - first) & 0xffffffffL;
                assertTrue(start <= end, "each data segment starts where the one before it ended, or earlier for a"
                        + " retransmission: a segment starts at relative " + start + ", after the end so far, " + end);
                end = Math.max(end, start + segment.length());
            }
            assertEquals(TransferTrace.BYTES, end, "client bytes sent: the sequence numbers they took");
        }
    }

    @Test
    void serverAcknowledgesEveryByteAndClosesAfterTheClientsFin() throws Exception {
        try (Trace trace = TransferTrace.bulkTransfer()) {
            assumeSegments(trace);
            long firstSeq = trace.steps().get(1).segments().get(0).seq();
            long lastAck = trace.steps().get(2).segments().stream().filter(s -> !trace.fromClient(s))
                    .mapToLong(Segment::ack).reduce((earlier, later) -> later).orElse(0);
            assertEquals(TransferTrace.BYTES + 1, (lastAck - firstSeq) & 0xffffffffL,
                    "the server's last acknowledgement: every byte, plus one for the SYN");
            assertTrue(trace.steps().get(2).segments().stream().anyMatch(s -> !trace.fromClient(s) && s.length() > 0),
                    "the echo crosses in the same step");
            assertInOrder(trace, "client F.", "server F.", "client .");
        }
    }

    /** Every scenario of this lab prints within the diagram's columns, with no trailing spaces. */
    @Test
    @Timeout(60)
    void everyScenarioPrintsWithinItsColumns() throws Exception {
        for (Callable<Trace> scenario : List.<Callable<Trace>>of(TransferTrace::bulkTransfer)) {
            try (Trace trace = scenario.call()) {
                assertLayout(trace);
            }
        }
    }
}
