package tcplab.support.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tcplab.support.kit.Visibility;
import tcplab.support.teach.Messages;

/**
 * Writes the grade report of a grading run made by {@code grading/grade.sh}, from what each lab's build left
 * behind. It never fails for anything a submission does: a lab that did not compile, crashed or ran out of time
 * still gets a row for every test, with zero points and the reason.
 *
 * <p>Usage: {@code Grader WORK_DIR OUT_DIR LAB...}. For each lab it reads {@code WORK_DIR/LAB/pom.xml} (title and
 * total), {@code WORK_DIR/.grading/LAB/} (the graded-test list from the kit's own tests, the build log, and the
 * build's exit status) and {@code WORK_DIR/LAB/target/surefire-reports}. It writes {@code OUT_DIR/summary.txt},
 * {@code OUT_DIR/results.json} (Gradescope), {@code OUT_DIR/classroom.json} and {@code classroom.b64} (GitHub
 * Classroom), and the same files for each lab in {@code OUT_DIR/LAB/}.
 */
public final class Grader {

    /** The exit status of {@code timeout} when it stopped a lab's build. */
    private static final int TIMED_OUT = 124;
    private static final int COMPILER_ERRORS_SHOWN = 10;
    private static final int DROPPED_SHOWN = 50;
    private static final Pattern COMPILER_ERROR = Pattern.compile("^\\[ERROR\\] (/\\S+\\.java:\\[\\d+,\\d+\\].*)$");
    private static final Pattern EXIT_CODE = Pattern.compile("^\\[ERROR\\] Process Exit Code: (\\d+)");
    private static final Pattern CRASHED_CLASS = Pattern.compile("^\\[ERROR\\]\\s+([\\w.$]+)\\s*$");

    /** The report's fixed phrases, in the language chosen with grade.sh --lang (kit.lang). */
    private static final Messages MSG = Messages.of(Grader.class);

    private Grader() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: Grader WORK_DIR OUT_DIR LAB...");
        }
        Path work = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String first = sandboxLine(work);
        List<LabGrade> grades = new ArrayList<>();
        StringBuilder summary = new StringBuilder(first).append('\n');
        StringBuilder full = new StringBuilder(first).append('\n');
        for (int i = 2; i < args.length; i++) {
            LabGrade grade = gradeOrExplain(work, args[i]);
            grades.add(grade);
            String table = Report.table(visibleOnly(grade));
            String fullTable = Report.table(grade);
            summary.append(table).append('\n');
            full.append(fullTable).append('\n');
            try {
                write(out.resolve(grade.lab()), List.of(grade), first + "\n" + table, first + "\n" + fullTable, first);
            } catch (IOException | RuntimeException e) {
                System.err.println("grader: cannot write the report of " + grade.lab() + ": " + e);
            }
        }
        List<LabGrade> visible = grades.stream().map(Grader::visibleOnly).toList();
        summary.append(totalLine(visible));
        full.append(totalLine(grades));
        write(out, grades, summary.toString(), full.toString(), first);
        // The log may be seen by students (GitHub Classroom shows it): the hidden tests stay out of it.
        System.out.print(summary);
    }

    private static String totalLine(List<LabGrade> grades) {
        int earned = grades.stream().mapToInt(LabGrade::earned).sum();
        int possible = grades.stream().mapToInt(LabGrade::possible).sum();
        return MSG.text("total", earned, possible) + "\n";
    }

    /** A lab's grade as a student may see it at once: without the hidden tests. */
    static LabGrade visibleOnly(LabGrade grade) {
        return new LabGrade(grade.lab(), grade.title(),
                grade.rows().stream().filter(r -> r.test().visibility() == Visibility.VISIBLE).toList(), grade.output());
    }

    /**
     * A lab's grade; if its results cannot be read at all, every test of its list at zero with the reason, so that
     * one lab never takes another's report down.
     */
    static LabGrade gradeOrExplain(Path work, String lab) {
        try {
            return grade(work, lab);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            List<GradedTest> tests;
            try {
                tests = GradedTest.readAll(work.resolve(".grading").resolve(lab).resolve("graded-tests.tsv"));
            } catch (IOException | RuntimeException again) {
                tests = List.of();
            }
            String why = MSG.text("unreadable.why", e);
            return LabGrade.of(lab, lab, tests, SurefireReports.empty(), className -> why,
                    MSG.text("unreadable.output", e));
        }
    }

    /** The report's first line: whether the tests ran in the sandbox, and if not, why (grade.sh decides). */
    static String sandboxLine(Path work) throws IOException {
        Path file = work.resolve(".grading").resolve("sandbox");
        String state = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        if (state.equals("sandboxed")) {
            return MSG.text("sandboxed");
        }
        String why = state.isEmpty() ? "no sandbox was set up" : state.replaceFirst("^not sandboxed: ", "");
        return MSG.text("notSandboxed", why);
    }

    private static void write(Path dir, List<LabGrade> grades, String summary, String full, String first)
            throws IOException {
        Files.createDirectories(dir);
        text(dir.resolve("summary.txt"), summary);
        text(dir.resolve("summary-with-hidden.txt"), full);
        Map<String, Object> gradescope = Report.gradescope(grades);
        gradescope.put("output", first + "\n" + gradescope.get("output"));
        text(dir.resolve("results.json"), Report.json(gradescope));
        String classroom = Report.json(Report.classroom(grades));
        text(dir.resolve("classroom.json"), classroom);
        text(dir.resolve("classroom.b64"),
                Base64.getEncoder().encodeToString(classroom.getBytes(StandardCharsets.UTF_8)) + "\n");
    }

    /** Writes UTF-8, replacing what cannot be encoded (a lone surrogate) rather than failing. */
    private static void text(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static LabGrade grade(Path work, String lab) throws Exception {
        Path state = work.resolve(".grading").resolve(lab);
        // The lab's title, as the kit's own build wrote it (GradedTestList); the lab's folder name without it.
        String title = Files.exists(state.resolve("title.txt"))
                ? Files.readString(state.resolve("title.txt"), StandardCharsets.UTF_8).strip() : lab;
        List<GradedTest> tests = GradedTest.readAll(state.resolve("graded-tests.tsv"));
        SurefireReports reports = SurefireReports.read(List.of(work.resolve(lab).resolve("target/surefire-reports"),
                work.resolve(lab).resolve("target/hidden-reports")),
                Instant.EPOCH);
        List<String> log = Files.exists(state.resolve("build.log"))
                ? Files.readAllLines(state.resolve("build.log"), StandardCharsets.UTF_8) : List.of();
        int exit = Files.exists(state.resolve("exit"))
                ? Integer.parseInt(Files.readString(state.resolve("exit")).strip()) : -1;
        String limit = Files.exists(state.resolve("limit")) ? Files.readString(state.resolve("limit")).strip() : "?";

        List<String> compilerErrors = log.stream()
                .map(COMPILER_ERROR::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .map(line -> line.replace(work.toAbsolutePath().toString() + "/", ""))
                .distinct().collect(Collectors.toList());
        Map<String, String> crashed = crashedClasses(log);

        String output = "";
        String why;
        if (Files.exists(state.resolve("missing"))) {
            why = MSG.text("missing.why", lab);
            output = MSG.text("missing.output", lab);
        } else if (exit == TIMED_OUT) {
            why = MSG.text("timedOut.why", limit);
            output = MSG.text("timedOut.output", limit);
        } else if (!compilerErrors.isEmpty()) {
            why = MSG.text("compile.why");
            output = MSG.text("compile.output") + "\n"
                    + String.join("\n", compilerErrors.subList(0, Math.min(COMPILER_ERRORS_SHOWN, compilerErrors.size())));
        } else if (reports.isEmpty() && exit != 0) {
            why = MSG.text("build.why", exit);
            output = MSG.text("build.output") + "\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 15), log.size()));
        } else {
            why = MSG.text("noReport.why");
        }
        String fallback = why;
        String dropped = dropped(state.resolve("dropped.tsv"));
        if (!dropped.isEmpty()) {
            output = output.isEmpty() ? dropped : dropped + "\n" + output;
        }
        return LabGrade.of(lab, title, tests, reports, className -> crashed.getOrDefault(className, fallback), output);
    }

    /** The files of the submission that the grader did not take, one per line with the reason; empty if none. */
    static String dropped(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(line -> "  " + line.replace("\t", ": "))
                .toList();
        if (lines.isEmpty()) {
            return "";
        }
        int shown = Math.min(lines.size(), DROPPED_SHOWN);
        return MSG.text("dropped", lines.size()) + "\n" + String.join("\n", lines.subList(0, shown))
                + (shown < lines.size() ? "\n  " + MSG.text("droppedMore", lines.size() - shown) : "");
    }

    /** Test classes whose test JVM died, with the reason Surefire gave. */
    static Map<String, String> crashedClasses(List<String> log) {
        Map<String, String> crashed = new HashMap<>();
        String exitCode = "?";
        boolean timeout = false;
        boolean inList = false;
        for (String line : log) {
            Matcher exit = EXIT_CODE.matcher(line);
            if (exit.find()) {
                exitCode = exit.group(1);
            }
            if (line.contains("There was a timeout in the fork") || line.contains("forkedProcessTimeoutInSeconds")) {
                timeout = true;
            }
            if (line.startsWith("[ERROR] Crashed tests:")) {
                inList = true;
                continue;
            }
            Matcher name = CRASHED_CLASS.matcher(line);
            if (inList && name.matches() && name.group(1).contains(".")) {
                String simple = name.group(1).substring(name.group(1).lastIndexOf('.') + 1);
                crashed.put(name.group(1), timeout
                        ? MSG.text("forkTimeout", simple) : MSG.text("crashed", simple, exitCode));
                continue;
            }
            inList = false;
        }
        return crashed;
    }
}
