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
        List<String> breaches = KitVerdict.judge("starter", "lab-00", outcomes(new Outcome("A#graded", false, "SUCCESSFUL", "")));
        assertEquals(1, breaches.size());
        assertTrue(breaches.get(0).contains("cannot tell"), breaches.get(0));
    }

    @Test
    void starterBreachesWhenWarmUpFails() {
        List<String> breaches = KitVerdict.judge("starter", "lab-00", outcomes(new Outcome("A#warm", true, "FAILED", "boom")));
        assertEquals(1, breaches.size());
    }

    @Test
    void starterIsFineWhenGradedFailsAndWarmUpPasses() {
        assertEquals(List.of(), KitVerdict.judge("starter", "lab-00", outcomes(
                new Outcome("A#graded", false, "FAILED", "x"), new Outcome("A#warm", true, "SUCCESSFUL", ""))));
    }

    @Test
    void solutionBreachesWhenAnyTestFails() {
        assertEquals(1, KitVerdict.judge("solution", "lab-00", outcomes(new Outcome("A#t", false, "FAILED", "x"))).size());
    }

    @Test
    void testThatNeverFinishedIsABreach() {
        assertEquals(1, KitVerdict.judge("starter", "lab-00", outcomes(new Outcome("A#t", false, Outcome.PLANNED, ""))).size());
    }

    @Test
    void skippedTestIsReportedNotJudged() {
        assertEquals(List.of(), KitVerdict.judge("solution", "lab-00", outcomes(
                new Outcome("A#t", false, "SUCCESSFUL", ""), new Outcome("A#mac", false, "ABORTED", "macOS"))));
    }

    @Test
    void outcomeLineRoundTrips() {
        Outcome outcome = new Outcome("A#t", true, "FAILED", "first line\tof\nmany");
        assertEquals(new Outcome("A#t", true, "FAILED", "first line of"), Outcome.parse(outcome.toLine().strip()));
    }

    private static Map<String, Outcome> outcomes(Outcome... outcomes) {
        Map<String, Outcome> map = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            map.put(o.test(), o);
        }
        return map;
    }
}
