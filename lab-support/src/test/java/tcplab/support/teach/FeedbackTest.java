package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The kit check tells the kit's teaching messages, in English or Korean, from every other failure message. */
@Isolated("switches kit.lang, which every message reads")
class FeedbackTest {

    private final String chosenBefore = System.getProperty(Lang.PROPERTY);

    @AfterEach
    void restoreLanguage() {
        if (chosenBefore == null) {
            System.clearProperty(Lang.PROPERTY);
        } else {
            System.setProperty(Lang.PROPERTY, chosenBefore);
        }
    }

    @Test
    void messageBuiltByFeedbackTeaches() {
        System.setProperty(Lang.PROPERTY, "en");
        assertTrue(Feedback.teaches(Feedback.expected("PONG").but("it got nothing").hint("Does it flush?")));
    }

    @Test
    void englishMessageRendersAsExpectedButHint() {
        System.setProperty(Lang.PROPERTY, "en");
        assertEquals("expected PONG, but nothing. Does it flush?",
                Feedback.expected("PONG").but("nothing").hint("Does it flush?"));
    }

    @Test
    void koreanMessageRendersWithKoreanLabels() {
        System.setProperty(Lang.PROPERTY, "ko");
        assertEquals("기대: PONG이 와야 합니다. 실제: 아무것도 오지 않았습니다. 힌트: flush()를 했습니까?",
                Feedback.expected("PONG이 와야 합니다").but("아무것도 오지 않았습니다").hint("flush()를 했습니까?"));
    }

    @Test
    void koreanMessageTeaches() {
        System.setProperty(Lang.PROPERTY, "ko");
        assertTrue(Feedback.teaches(Feedback.expected("PONG이 와야 합니다").but("아무것도 오지 않았습니다")
                .hint("flush()를 했습니까?") + " ==> expected: <PONG> but was: <null>"));
    }

    @Test
    void assertionDetailsAfterTheMessageStillTeach() {
        System.setProperty(Lang.PROPERTY, "en");
        assertTrue(Feedback.teaches(Feedback.expected("PONG").but("another line").hint("Read the line.")
                + " ==> expected: <PONG> but was: <PING>"));
    }

    @Test
    void bareTimeoutAndPlainMessagesDoNotTeach() {
        assertFalse(Feedback.teaches("echo() timed out after 15 seconds"));
        assertFalse(Feedback.teaches("expected: <PONG> but was: <null>"));
        assertFalse(Feedback.teaches("기대: PONG"));
        assertFalse(Feedback.teaches(null));
    }

    @Test
    void messageWithAnEmptyHintDoesNotTeach() {
        System.setProperty(Lang.PROPERTY, "en");
        assertFalse(Feedback.teaches(Feedback.expected("PONG").but("nothing").hint("")));
        System.setProperty(Lang.PROPERTY, "ko");
        assertFalse(Feedback.teaches(Feedback.expected("PONG").but("없음").hint("")));
    }
}
