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
 * (a student's build) a failed test leaves {@code target/grading/tests-failed}, on which the enforcer's
 * {@code tests-passed} rule fails the build after the table, as Surefire would have.
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

        // The enforcer's tests-passed rule fails the build on this file, after the table. A marker from an
        // earlier build must not fail this one (say, `install -DskipTests` after a failed `test`).
        Path marker = reportsDir.getParent().resolve("grading").resolve("tests-failed");
        Files.deleteIfExists(marker);

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
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "see the summary table\n", StandardCharsets.UTF_8);
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
}
