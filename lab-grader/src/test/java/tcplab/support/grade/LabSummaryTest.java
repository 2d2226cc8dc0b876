package tcplab.support.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.LabGrade.Result;
import tcplab.support.grade.LabGrade.Row;
import tcplab.support.kit.Visibility;

/** A failed student build ends with one plain sentence: how many tests failed, in which lab, where to look. */
class LabSummaryTest {

    private static final GradedTest ECHO = new GradedTest("t.EchoTest", "echoes", 2, false, Visibility.VISIBLE);
    private static final GradedTest EOF = new GradedTest("t.EofTest", "closes", 1, false, Visibility.VISIBLE);
    private static final GradedTest WARM = new GradedTest("t.ListenTest", "listens", 0, true, Visibility.VISIBLE);

    private static LabGrade grade(Row... rows) {
        return new LabGrade("lab-01-handshake", "Lab 01: the handshake", List.of(rows), "");
    }

    @Test
    void verdictCountsFailedGradedTests() {
        assertEquals("1 of 2 graded tests failed in lab-01-handshake (2/3 points): see the table above for which,"
                + " and why.", LabSummary.verdict(grade(new Row(ECHO, Result.PASSED, 2, ""),
                new Row(EOF, Result.FAILED, 0, "expected EOF"), new Row(WARM, Result.PASSED, 0, ""))));
    }

    @Test
    void verdictNamesAFailedWarmUp() {
        assertEquals("1 warm-up test failed in lab-01-handshake (3/3 points): see the table above for which, and why.",
                LabSummary.verdict(grade(new Row(ECHO, Result.PASSED, 2, ""), new Row(EOF, Result.PASSED, 1, ""),
                        new Row(WARM, Result.FAILED, 0, "no listener"))));
    }
}
