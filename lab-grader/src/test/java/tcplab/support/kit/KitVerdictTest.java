package tcplab.support.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit check's verdict: what counts as a breach for a starter and for a solution. */
class KitVerdictTest {

    @Test
    void starterBreachesWhenGradedTestPasses() {
        List<String> breaches = KitVerdict.judge("starter", "lab-00", outcomes(Outcome.of("A#graded", false, "SUCCESSFUL", "")));
        assertEquals(1, breaches.size());
        assertTrue(breaches.get(0).contains("cannot tell"), breaches.get(0));
    }

    @Test
    void starterBreachesWhenWarmUpFails() {
        List<String> breaches = KitVerdict.judge("starter", "lab-00", outcomes(Outcome.of("A#warm", true, "FAILED", "boom")));
        assertEquals(1, breaches.size());
    }

    @Test
    void starterIsFineWhenGradedFailsAndWarmUpPasses() {
        assertEquals(List.of(), KitVerdict.judge("starter", "lab-00", outcomes(
                new Outcome("A#graded", false, "FAILED", true, "expected x, but y. z"),
                Outcome.of("A#warm", true, "SUCCESSFUL", ""))));
    }

    /** A starter's graded test that fails by a bare timeout or a stray exception fails for the wrong reason. */
    @Test
    void starterBreachesWhenGradedTestFailsWithoutTeaching() {
        List<String> breaches = KitVerdict.judge("starter", "lab-00", outcomes(Outcome.of("A#graded", false, "FAILED",
                "TimeoutException: graded() timed out after 15 seconds")));
        assertEquals(1, breaches.size());
        assertTrue(breaches.get(0).contains("not with a teaching message"), breaches.get(0));
    }

    @Test
    void solutionBreachesWhenAnyTestFails() {
        assertEquals(1, KitVerdict.judge("solution", "lab-00", outcomes(Outcome.of("A#t", false, "FAILED", "x"))).size());
    }

    @Test
    void testThatNeverFinishedIsABreach() {
        assertEquals(1, KitVerdict.judge("starter", "lab-00", outcomes(Outcome.of("A#t", false, Outcome.PLANNED, ""))).size());
    }

    @Test
    void skippedTestIsReportedNotJudged() {
        assertEquals(List.of(), KitVerdict.judge("solution", "lab-00", outcomes(
                Outcome.of("A#t", false, "SUCCESSFUL", ""), Outcome.of("A#mac", false, "ABORTED", "macOS"))));
    }

    @Test
    void outcomeLineRoundTrips() {
        Outcome outcome = new Outcome("A#t", true, "FAILED", true, "first line\tof\nmany");
        assertEquals(new Outcome("A#t", true, "FAILED", true, "first line of"), Outcome.parse(outcome.toLine().strip()));
    }

    private static Map<String, Outcome> outcomes(Outcome... outcomes) {
        Map<String, Outcome> map = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            map.put(o.test(), o);
        }
        return map;
    }
}
