package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.kit.WarmUp;
import tcplab.support.teach.Messages;

/** The acknowledgement for a segment is its sequence number plus its length, plus one each for SYN and FIN. */
class AckArithmeticTest {

    private static final Messages MSG = Messages.of(AckArithmeticTest.class);

    private static final long X = 2_461_578_885L;
    private static final long Y = 4_043_708_451L;

    @Test
    @WarmUp
    void ackAddsPayloadLength() {
        assertEquals(X + 13, SequenceNumbers.ackFor(X, 13, false, false),
                MSG.feedback("ackAddsPayloadLength", X, (X + 13), SequenceNumbers.ackFor(X, 13, false, false)));
    }

    @Test
    @Points(1)
    void ackCountsSynAsOne() {
        assertEquals(X + 1, SequenceNumbers.ackFor(X, 0, true, false),
                MSG.feedback("ackCountsSynAsOne", (X + 1), SequenceNumbers.ackFor(X, 0, true, false)));
        assertEquals(Y + 1, SequenceNumbers.ackFor(Y, 0, true, false),
                MSG.feedback("ackCountsSynAsOne.2", (Y + 1), SequenceNumbers.ackFor(Y, 0, true, false)));
    }

    @Test
    @Points(1)
    void ackCountsFinAsOne() {
        assertEquals(X + 1, SequenceNumbers.ackFor(X, 0, false, true),
                MSG.feedback("ackCountsFinAsOne", X, (X + 1), SequenceNumbers.ackFor(X, 0, false, true)));
    }
}
