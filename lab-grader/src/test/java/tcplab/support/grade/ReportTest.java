package tcplab.support.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.LabGrade.Result;
import tcplab.support.grade.LabGrade.Row;
import tcplab.support.kit.Visibility;
import tcplab.support.teach.Lang;

/** The report's shapes: Gradescope's results.json, Classroom's results, and the table's whole, wrapped hints. */
class ReportTest {

    /** These tests check the English wording, whichever language the build chose (-Dkit.lang reaches this JVM). */
    @BeforeAll
    static void inEnglish() {
        System.setProperty(Lang.PROPERTY, "en");
    }

    private static final GradedTest SHOWN = new GradedTest("t.EchoTest", "echoes", 2, false, Visibility.VISIBLE);
    private static final GradedTest HIDDEN = new GradedTest("t.LongTest", "lasts", 3, false, Visibility.AFTER_PUBLISHED);
    private static final GradedTest WARM = new GradedTest("t.ListenTest", "listens", 0, true, Visibility.VISIBLE);

    private final LabGrade lab = new LabGrade("lab-00", "Lab 00: test", List.of(
            new Row(SHOWN, Result.PASSED, 2, ""),
            new Row(HIDDEN, Result.FAILED, 0, "x".repeat(10_000)),
            new Row(WARM, Result.PASSED, 0, "")), "");

    @Test
    void gradescopeResultsListGradedTestsWithVisibilityAndCutOutput() {
        Map<String, Object> results = Report.gradescope(List.of(lab));
        assertEquals(2, results.get("score"));
        List<?> tests = (List<?>) results.get("tests");
        assertEquals(2, tests.size());
        Map<?, ?> hidden = (Map<?, ?>) tests.get(1);
        assertEquals("after_published", hidden.get("visibility"));
        assertEquals(3, hidden.get("max_score"));
        assertTrue(((String) hidden.get("output")).length() < 4_100);
    }

    @Test
    void classroomResultsLeaveHiddenTestsOut() {
        Map<String, Object> results = Report.classroom(List.of(lab));
        assertEquals(2, results.get("max_score"));
        assertEquals("pass", results.get("status"));
        assertEquals(1, ((List<?>) results.get("tests")).size());
    }

    @Test
    void hintDropsJUnitsTailAndWhatFollowsIt() {
        assertEquals("expected A, but B. Check C?",
                Report.hint("expected A, but B. Check C? ==> expected: <1> but was: <2>\nat line 3"));
    }

    @Test
    void hintKeepsEveryLineOfTheMessage() {
        assertEquals("expected A, but B.\nCheck C, then D.", Report.hint("expected A, but B.\nCheck C, then D."));
    }

    @Test
    void hintEscapesControlCharactersAndUndecodableBytes() {
        assertEquals("expected A, but it answered \"\\u001b[2J\\ufffd\". Check C.",
                Report.hint("expected A, but it answered \"\u001b[2J\ufffd\". Check C."));
    }

    @Test
    void wrappedHintKeepsEveryWordWithinItsColumns() {
        String hint = "expected the server to echo \"Hello Server\", but it answered \"Hello Client\". Does echoLines()"
                + " write back every line it reads, until readLine() returns null?";
        List<String> lines = Report.wrap(hint, 40);
        assertTrue(lines.size() > 3, lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.length() <= 40 && l.equals(l.strip())), lines.toString());
        assertEquals(hint, String.join(" ", lines));
    }

    /** Hangul takes two terminal columns: padding and wrapping count columns, so Korean rows line up. */
    @Test
    void koreanCellsArePaddedAndWrappedByTerminalColumns() {
        assertEquals(6, Report.columns("워밍업"));
        assertEquals(7, Report.columns(Report.pad("통과", 7)));
        assertEquals(Report.columns(Report.pad("0/1", 7)), Report.columns(Report.pad("워밍업", 7)));
        List<String> lines = Report.wrap("기대: 서버는 127.0.0.1에서만 연결을 기다려야 합니다", 20);
        assertTrue(lines.stream().allMatch(line -> Report.columns(line) <= 20), lines.toString());
        assertEquals("기대: 서버는 127.0.0.1에서만 연결을 기다려야 합니다", String.join(" ", lines));
    }

    @Test
    void hintOfMultipleFailuresIsTheFirstOfThem() {
        assertEquals("(1 of 2) expected A, but B. Check C?", Report.hint("Multiple Failures (2 failures)\n"
                + "\torg.opentest4j.AssertionFailedError: expected A, but B. Check C? ==> expected: <1> but was: <2>\n"
                + "\torg.opentest4j.AssertionFailedError: expected D, but E."));
    }

    @Test
    void hintIsCutBetweenCodePointsNeverInsideAnEmoji() {
        String emoji = "\uD83D\uDE00";
        for (int shift = 0; shift < 2; shift++) {
            String hint = Report.hint("a".repeat(shift) + emoji.repeat(Report.HINT_CHARS));
            int cut = hint.indexOf("... (");
            assertFalse(Character.isHighSurrogate(hint.charAt(cut - 1)), "shift " + shift + ": " + hint);
            assertTrue(hint.endsWith(" more characters cut)"), hint);
        }
    }

    @Test
    void outputIsCutBetweenCodePoints() {
        String cut = Report.cut("a" + "\uD83D\uDE00".repeat(3_000));
        assertEquals(-1, cut.indexOf("\uD83D\n"), "a high surrogate before the cut's note");
    }

    @Test
    void jsonEscapesALoneSurrogateAndKeepsAPair() {
        assertEquals("{\n  \"a\": \"\\ud83d|\uD83D\uDE00\"\n}\n", Json.write(Map.of("a", "\uD83D|\uD83D\uDE00")));
    }

    @Test
    void jsonEscapesQuotesAndControlCharacters() {
        assertEquals("{\n  \"a\": \"say \\\"hi\\\"\\n\\u0001\"\n}\n", Json.write(Map.of("a", "say \"hi\"\n\u0001")));
    }
}
