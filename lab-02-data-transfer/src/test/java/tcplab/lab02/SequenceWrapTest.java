package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.teach.Messages;

/** Sequence numbers are 32 bits: after 2^32 - 1 comes 0, and their order must survive that wrap. */
class SequenceWrapTest {

    private static final Messages MSG = Messages.of(SequenceWrapTest.class);

    private static final long LAST = SequenceNumbers.MODULUS - 1;

    @Test
    @Points(1)
    void nextWrapsAt2To32() {
        assertEquals(9, SequenceNumbers.next(LAST - 5, 15),
                MSG.feedback("nextWrapsAt2To32", SequenceNumbers.next(LAST - 5, 15)));
    }

    @Test
    @Points(1)
    void ackWrapsAt2To32() {
        assertEquals(0, SequenceNumbers.ackFor(LAST, 0, true, false),
                MSG.feedback("ackWrapsAt2To32", SequenceNumbers.ackFor(LAST, 0, true, false)));
    }

    @Test
    @Points(1)
    void compareHoldsAcrossTheWrap() {
        long beforeWrap = LAST - 100;
        long afterWrap = 200;
        assertTrue(SequenceNumbers.compare(beforeWrap, afterWrap) < 0 && SequenceNumbers.compare(afterWrap, beforeWrap) > 0,
                MSG.feedback("compareHoldsAcrossTheWrap", beforeWrap, afterWrap, SequenceNumbers.compare(beforeWrap,
                        afterWrap), SequenceNumbers.compare(afterWrap, beforeWrap)));
    }

    /** Two numbers exactly 2^31 apart have no order (RFC 1982): compare() refuses them in both directions. */
    @Test
    @Points(1)
    void compareRefusesNumbersHalfTheSpaceApart() {
        long a = 7;
        long b = a + SequenceNumbers.MODULUS / 2;
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> SequenceNumbers.compare(a, b),
                        () -> halfwayFeedback(a, b)),
                () -> assertThrows(IllegalArgumentException.class, () -> SequenceNumbers.compare(b, a),
                        () -> halfwayFeedback(b, a)));
    }

    private static String halfwayFeedback(long a, long b) {
        return MSG.feedback("compareRefusesNumbersHalfTheSpaceApart", a, b, SequenceNumbers.compare(a, b));
    }
}
