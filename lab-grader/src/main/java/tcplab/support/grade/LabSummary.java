package tcplab.support.grade;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import tcplab.support.teach.Lang;
import tcplab.support.teach.Messages;

/**
 * The summary table printed after a lab's tests run in a student's build, and its results.json written next to
 * Surefire's XML. Only reports written by this build count; a test that did not run in it earns nothing.
 *
 * <p>Usage: {@code LabSummary TITLE GRADED_TEST_LIST REPORTS_DIR FAIL_ON_FAILURE}. With FAIL_ON_FAILURE true
 * (a student's build) a failed test fails the build, as Surefire would have: one sentence after the table, then
 * exit status 1. It ends Maven's JVM (exec:java runs in it), so that Maven's error block, a rule's name and a file
 * path, is not the last thing a student reads.
 */
public final class LabSummary {

    private static final Messages MSG = Messages.of(LabSummary.class);

    private LabSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: LabSummary TITLE GRADED_TEST_LIST REPORTS_DIR FAIL_ON_FAILURE");
        }
        String title = args[0];
        Path list = Path.of(args[1]);
        Path reportsDir = Path.of(args[2]);
        boolean failOnFailure = Boolean.parseBoolean(args[3]);

        // exec:java runs inside Maven, so the JVM's start is this build's start: older reports are stale.
        Instant buildStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        SurefireReports reports = SurefireReports.read(reportsDir, buildStart);
        if (reports.isEmpty() || !Files.exists(list)) {
            System.out.println("[grade] " + MSG.text("noResults", title));
            return;
        }
        List<GradedTest> tests = GradedTest.readAll(list);
        LabGrade grade = LabGrade.of(reportsDir.getParent().getParent().getFileName().toString(), title, tests,
                reports, className -> MSG.text("notRun"), "");
        System.out.println();
        if (Lang.current() == Lang.KO && !consoleShowsKorean()) {
            // In English on purpose: this terminal would print the Korean as question marks.
            System.out.println("[grade] This terminal's charset (" + consoleCharset() + ") cannot show Korean: use a"
                    + " UTF-8 locale (LANG=ko_KR.UTF-8 or C.UTF-8), or -Dkit.lang=en. The XML reports are UTF-8.");
        }
        System.out.print(Report.table(grade));
        System.out.println();
        Files.writeString(reportsDir.resolve("results.json"),
                Report.json(Report.gradescope(List.of(grade))), StandardCharsets.UTF_8);

        if (failOnFailure && reports.anyFailed()) {
            System.out.println(verdict(grade));
            System.out.flush();
            System.exit(1);
        }
    }

    /** The charset System.out encodes with: stdout.encoding on JDK 19+, else sun.stdout.encoding or the default. */
    private static Charset consoleCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }

    private static boolean consoleShowsKorean() {
        return consoleCharset().newEncoder().canEncode("기대");
    }

    /** The last line of a failed build: how many tests failed, where, and where to read why. */
    static String verdict(LabGrade grade) {
        List<LabGrade.Row> graded = grade.rows().stream().filter(r -> !r.test().warmUp()).toList();
        long failed = graded.stream().filter(r -> r.result() != LabGrade.Result.PASSED).count();
        long warmUps = grade.rows().stream()
                .filter(r -> r.test().warmUp() && r.result() != LabGrade.Result.PASSED).count();
        String where = " in " + grade.lab() + " (" + grade.earned() + "/" + grade.possible() + " points)";
        if (failed == 0 && warmUps == 0) {
            return "A test that earns no points failed" + where + ": see Surefire's messages above.";
        }
        String gradedPart = failed + " of " + graded.size() + " graded tests failed";
        String warmPart = warmUps + (warmUps == 1 ? " warm-up test" : " warm-up tests") + " failed";
        String what = warmUps == 0 ? gradedPart : failed == 0 ? warmPart : gradedPart + " and " + warmPart;
        return what + where + ": see the table above for which, and why.";
    }
}
