package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.kit.WarmUp;
import tcplab.support.teach.Feedback;

/** The acknowledgement for a segment is its sequence number plus its length, plus one each for SYN and FIN. */
class AckArithmeticTest {

    private static final long X = 2_461_578_885L;
    private static final long Y = 4_043_708_451L;

    @Test
    @WarmUp
    void ackAddsPayloadLength() {
        assertEquals(X + 13, SequenceNumbers.ackFor(X, 13, false, false),
                Feedback.expected("13 bytes at seq " + X + " to be acknowledged with " + (X + 13))
                        .but("ackFor() said " + SequenceNumbers.ackFor(X, 13, false, false))
                        .hint("The ack names the next byte the receiver expects: seq + payload length."));
    }

    @Test
    @Points(1)
    void ackCountsSynAsOne() {
        assertEquals(X + 1, SequenceNumbers.ackFor(X, 0, true, false),
                Feedback.expected("the SYN with seq = x to be acknowledged with x + 1 = " + (X + 1))
                        .but("ackFor() said " + SequenceNumbers.ackFor(X, 0, true, false))
                        .hint("A SYN carries no data but takes up one sequence number."));
        assertEquals(Y + 1, SequenceNumbers.ackFor(Y, 0, true, false),
                Feedback.expected("the SYN-ACK with seq = y to be acknowledged with y + 1 = " + (Y + 1))
                        .but("ackFor() said " + SequenceNumbers.ackFor(Y, 0, true, false))
                        .hint("A SYN carries no data but takes up one sequence number."));
    }

    @Test
    @Points(1)
    void ackCountsFinAsOne() {
        assertEquals(X + 1, SequenceNumbers.ackFor(X, 0, false, true),
                Feedback.expected("a FIN with seq = " + X + " to be acknowledged with " + (X + 1))
                        .but("ackFor() said " + SequenceNumbers.ackFor(X, 0, false, true))
                        .hint("A FIN, like a SYN, takes up one sequence number."));
    }
}
