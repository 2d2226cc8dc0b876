package tcplab.support.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tcplab.support.grade.SurefireReports.Case;
import tcplab.support.grade.SurefireReports.Status;
import tcplab.support.teach.Messages;

/**
 * One lab's grade: every graded test with the points it earned. A test earns its points only on a pass found in a
 * readable report; a failure, a skip, or no result at all earns nothing, and the row says why.
 *
 * @param lab    the lab's folder, such as {@code lab-01-handshake}
 * @param title  the lab's title, such as {@code Lab 01: the handshake}
 * @param rows   one row per test, in the graded-test list's order
 * @param output what the whole lab's build said that a student needs, such as compiler errors; may be empty
 */
public record LabGrade(String lab, String title, List<Row> rows, String output) {

    /** The rows' fixed phrases, in the language the kit's messages follow. */
    private static final Messages MSG = Messages.of(LabGrade.class);

    /** What happened to a test. */
    public enum Result { PASSED, FAILED, SKIPPED, NOT_RUN }

    /** A test, its result, the points it earned, and what to tell the student. */
    public record Row(GradedTest test, Result result, int earned, String message) {
    }

    /**
     * Grades a lab from its graded-test list and its reports. {@code notRun} explains a test class that has no
     * result, for example because the submission does not compile or the test JVM exited.
     */
    public static LabGrade of(String lab, String title, List<GradedTest> tests, SurefireReports reports,
                              Function<String, String> notRun, String output) {
        List<Row> rows = new ArrayList<>();
        for (GradedTest test : tests) {
            rows.add(row(test, reports, notRun));
        }
        return new LabGrade(lab, title, List.copyOf(rows), output);
    }

    private static Row row(GradedTest test, SurefireReports reports, Function<String, String> notRun) {
        String unreadable = reports.unreadable(test.className());
        if (unreadable != null) {
            return new Row(test, Result.NOT_RUN, 0, MSG.text("noResult", unreadable));
        }
        List<Case> cases = reports.casesOf(test.className()).stream().filter(c -> test.matches(c.name())).toList();
        if (cases.isEmpty()) {
            return new Row(test, Result.NOT_RUN, 0, MSG.text("noResult", notRun.apply(test.className())));
        }
        for (Case c : cases) {
            if (c.status() == Status.FAILED) {
                return new Row(test, Result.FAILED, 0, c.message());
            }
        }
        for (Case c : cases) {
            if (c.status() == Status.SKIPPED) {
                return new Row(test, Result.SKIPPED, 0, MSG.text("skipped", c.message()));
            }
        }
        return new Row(test, Result.PASSED, test.points(), "");
    }

    /** Points earned by the graded tests. */
    public int earned() {
        return rows.stream().mapToInt(Row::earned).sum();
    }

    /** Points the graded tests are worth. */
    public int possible() {
        return rows.stream().mapToInt(r -> r.test().points()).sum();
    }

    /** {@code Lab 01: 14/20}. */
    public String totalLine() {
        String shortTitle = title.contains(":") ? title.substring(0, title.indexOf(':')) : title;
        return shortTitle + ": " + earned() + "/" + possible();
    }
}
