package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.teach.Feedback;

/** Sequence numbers are 32 bits: after 2^32 - 1 comes 0, and their order must survive that wrap. */
class SequenceWrapTest {

    private static final long LAST = SequenceNumbers.MODULUS - 1;

    @Test
    @Points(1)
    void nextWrapsAt2To32() {
        assertEquals(9, SequenceNumbers.next(LAST - 5, 15),
                Feedback.expected("15 bytes starting 6 before the wrap to end at sequence number 9")
                        .but("next() said " + SequenceNumbers.next(LAST - 5, 15))
                        .hint("Sequence numbers are taken mod 2^32 (SequenceNumbers.MODULUS)."));
    }

    @Test
    @Points(1)
    void ackWrapsAt2To32() {
        assertEquals(0, SequenceNumbers.ackFor(LAST, 0, true, false),
                Feedback.expected("a SYN with seq = 2^32 - 1 to be acknowledged with 0")
                        .but("ackFor() said " + SequenceNumbers.ackFor(LAST, 0, true, false))
                        .hint("Take the sum mod 2^32."));
    }

    @Test
    @Points(1)
    void compareHoldsAcrossTheWrap() {
        long beforeWrap = LAST - 100;
        long afterWrap = 200;
        assertTrue(SequenceNumbers.compare(beforeWrap, afterWrap) < 0 && SequenceNumbers.compare(afterWrap, beforeWrap) > 0,
                Feedback.expected(beforeWrap + " to come before " + afterWrap + ", which is 301 bytes later after the wrap")
                        .but("compare() gave " + SequenceNumbers.compare(beforeWrap, afterWrap) + " and "
                                + SequenceNumbers.compare(afterWrap, beforeWrap))
                        .hint("a comes before b when (b - a) mod 2^32 is below 2^31: look at the sign of (int) (a - b)."));
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
        return Feedback.expected("compare(" + a + ", " + b + ") to throw IllegalArgumentException, since the two are"
                        + " exactly 2^31 apart and neither comes before the other")
                .but("it returned " + SequenceNumbers.compare(a, b))
                .hint("Check (b - a) mod 2^32 against 2^31 before you answer; the sign of (int) (a - b) alone says"
                        + " \"before\" in both directions there.");
    }
}
