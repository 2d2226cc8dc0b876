package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The kit check tells the kit's teaching messages from every other failure message. */
class FeedbackTest {

    @Test
    void messageBuiltByFeedbackTeaches() {
        assertTrue(Feedback.teaches(Feedback.expected("PONG").but("it got nothing").hint("Does it flush?")));
    }

    @Test
    void assertionDetailsAfterTheMessageStillTeach() {
        assertTrue(Feedback.teaches(Feedback.expected("PONG").but("another line").hint("Read the line.")
                + " ==> expected: <PONG> but was: <PING>"));
    }

    @Test
    void bareTimeoutAndPlainMessagesDoNotTeach() {
        assertFalse(Feedback.teaches("echo() timed out after 15 seconds"));
        assertFalse(Feedback.teaches("expected: <PONG> but was: <null>"));
        assertFalse(Feedback.teaches(null));
    }

    @Test
    void messageWithAnEmptyHintDoesNotTeach() {
        assertFalse(Feedback.teaches(Feedback.expected("PONG").but("nothing").hint("")));
    }
}
