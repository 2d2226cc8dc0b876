package tcplab.support.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcplab.support.grade.LabGrade.Result;
import tcplab.support.kit.Visibility;
import tcplab.support.teach.Lang;

/** A lab's grade from Surefire's reports: points only for a pass that a readable report shows. */
class LabGradeTest {

    /** These tests check the English wording, whichever language the build chose (-Dkit.lang reaches this JVM). */
    @BeforeAll
    static void inEnglish() {
        System.setProperty(Lang.PROPERTY, "en");
    }

    private static final GradedTest ECHO = new GradedTest("t.EchoTest", "echoes", 2, false, Visibility.VISIBLE);
    private static final GradedTest REPLAY = new GradedTest("t.ReplayTest", "replays", 3, false, Visibility.VISIBLE);

    @TempDir
    Path reports;

    @Test
    void passInReadableReportEarnsThePoints() throws IOException {
        report("t.EchoTest", "<testcase name=\"echoes\" classname=\"t.EchoTest\"/>");
        LabGrade grade = grade(ECHO);
        assertEquals(Result.PASSED, grade.rows().get(0).result());
        assertEquals("Lab 00: 2/2", grade.totalLine());
    }

    @Test
    void truncatedReportEarnsNothing() throws IOException {
        Files.writeString(reports.resolve("TEST-t.EchoTest.xml"),
                "<testsuite><testcase name=\"echoes\" classname=\"t.EchoTest\"/><testc", StandardCharsets.UTF_8);
        LabGrade.Row row = grade(ECHO).rows().get(0);
        assertEquals(Result.NOT_RUN, row.result());
        assertEquals(0, row.earned());
        assertTrue(row.message().contains("incomplete"), row.message());
    }

    @Test
    void missingReportEarnsNothingAndSaysWhy() throws IOException {
        LabGrade.Row row = grade(ECHO).rows().get(0);
        assertEquals(Result.NOT_RUN, row.result());
        assertEquals("no result: the JVM exited", row.message());
    }

    @Test
    void parameterizedTestEarnsOnlyWhenEveryInvocationPasses() throws IOException {
        report("t.ReplayTest", "<testcase name=\"replays(String)[1]\" classname=\"t.ReplayTest\"/>"
                + "<testcase name=\"replays(String)[2]\" classname=\"t.ReplayTest\"><failure message=\"ack 7\"/></testcase>");
        LabGrade.Row row = grade(REPLAY).rows().get(0);
        assertEquals(Result.FAILED, row.result());
        assertEquals("ack 7", row.message());
    }

    @Test
    void skippedTestEarnsNothing() throws IOException {
        report("t.EchoTest", "<testcase name=\"echoes\" classname=\"t.EchoTest\"><skipped message=\"macOS\"/></testcase>");
        assertEquals(0, grade(ECHO).earned());
    }

    private void report(String className, String cases) throws IOException {
        Files.writeString(reports.resolve("TEST-" + className + ".xml"),
                "<?xml version=\"1.0\"?><testsuite name=\"" + className + "\">" + cases + "</testsuite>",
                StandardCharsets.UTF_8);
    }

    private LabGrade grade(GradedTest test) throws IOException {
        return LabGrade.of("lab-00", "Lab 00: test", List.of(test), SurefireReports.read(reports, Instant.EPOCH),
                className -> "the JVM exited", "");
    }
}
