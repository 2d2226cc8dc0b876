package tcplab.support.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tcplab.support.grade.LabGrade.Outcome;
import tcplab.support.grade.LabGrade.Row;
import tcplab.support.teach.Messages;

/** Turns lab grades into the summary table and the JSON files that Gradescope and GitHub Classroom read. */
public final class Report {

    /** A test's output on a platform is cut here, so a submission that prints megabytes cannot swamp the report. */
    static final int MAX_OUTPUT_CHARS = 4_000;
    private static final int HINT_CHARS = 150;
    private static final Pattern MULTIPLE_FAILURES = Pattern.compile("Multiple Failures \\((\\d+) failures?\\)");
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^[\\w.$]+(Error|Exception): ");

    /** The table's fixed words, in the language the kit's messages follow (tcplab.support.teach.Lang). */
    private static final Messages MSG = Messages.of(Report.class);

    private Report() {
    }

    /** The summary table of one lab, ending with its total line. */
    public static String table(LabGrade lab) {
        StringBuilder out = new StringBuilder();
        out.append(lab.title()).append('\n');
        // What the grader left out of the submission, or why nothing ran, comes first.
        if (!lab.output().isEmpty()) {
            out.append(indent(lab.output())).append('\n');
        }
        int width = lab.rows().stream().mapToInt(r -> r.test().name().length()).max().orElse(10);
        for (Row row : lab.rows()) {
            String points = row.test().warmUp() ? MSG.text("warmUp") : row.earned() + "/" + row.test().points();
            out.append(String.format("  %-7s  %-7s  %-" + width + "s  %s", result(row), points, row.test().name(),
                    hint(row.message())).stripTrailing()).append('\n');
        }
        out.append(lab.totalLine()).append('\n');
        return out.toString();
    }

    private static String result(Row row) {
        return switch (row.outcome()) {
            case PASSED -> MSG.text("pass");
            case FAILED -> MSG.text("fail");
            case SKIPPED -> MSG.text("skipped");
            case NOT_RUN -> MSG.text("notRun");
        };
    }

    /**
     * The first line of a message, without JUnit's "==> expected: <...>" tail, cut to one line of the table. For
     * {@code assertAll}'s "Multiple Failures (n failures)" it is the first of them, and how many there are.
     */
    static String hint(String message) {
        List<String> lines = message.lines().toList();
        String line = lines.isEmpty() ? "" : lines.get(0);
        Matcher multiple = MULTIPLE_FAILURES.matcher(line);
        if (multiple.matches() && lines.size() > 1) {
            String first = EXCEPTION_PREFIX.matcher(lines.get(1).strip()).replaceFirst("");
            line = multiple.group(1).equals("1") ? first : "(1 of " + multiple.group(1) + ") " + first;
        }
        int tail = line.indexOf(" ==> ");
        if (tail >= 0) {
            line = line.substring(0, tail);
        }
        return line.length() <= HINT_CHARS ? line : prefix(line, HINT_CHARS - 3) + "...";
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }

    /** Gradescope's results.json for some labs: {@code score}, {@code tests[]}, and the labs' build output. */
    public static Map<String, Object> gradescope(List<LabGrade> labs) {
        List<Object> tests = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        int score = 0;
        for (LabGrade lab : labs) {
            score += lab.earned();
            output.append(lab.totalLine()).append('\n');
            if (!lab.output().isEmpty()) {
                output.append(lab.output().strip()).append('\n');
            }
            for (Row row : lab.rows()) {
                if (row.test().warmUp()) {
                    continue;
                }
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", lab.title() + " / " + row.test().name());
                test.put("score", row.earned());
                test.put("max_score", row.test().points());
                test.put("status", row.outcome() == Outcome.PASSED ? "passed" : "failed");
                test.put("output", cut(row.message()));
                test.put("visibility", row.test().visibility().json());
                tests.add(test);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", score);
        results.put("output", cut(output.toString()));
        results.put("visibility", "visible");
        results.put("stdout_visibility", "hidden");
        results.put("tests", tests);
        return results;
    }

    /**
     * The results of some labs in the shape that GitHub Classroom's autograding-grading-reporter reads (base64 of
     * this JSON in {@code <RUNNER>_RESULTS}). Hidden tests are left out: Classroom shows every test to the student.
     */
    public static Map<String, Object> classroom(List<LabGrade> labs) {
        List<Object> tests = new ArrayList<>();
        int max = 0;
        boolean allPassed = true;
        for (LabGrade lab : labs) {
            for (Row row : lab.rows()) {
                if (row.test().warmUp() || row.test().visibility() != Visibility.VISIBLE) {
                    continue;
                }
                max += row.test().points();
                allPassed &= row.outcome() == Outcome.PASSED;
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", lab.title() + " / " + row.test().name());
                test.put("status", row.outcome() == Outcome.PASSED ? "pass" : "fail");
                test.put("message", cut(row.message()));
                test.put("score", row.earned());
                tests.add(test);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("version", 1);
        results.put("status", allPassed ? "pass" : "fail");
        results.put("max_score", max);
        results.put("tests", tests);
        return results;
    }

    static String cut(String text) {
        if (text.length() <= MAX_OUTPUT_CHARS) {
            return text;
        }
        return prefix(text, MAX_OUTPUT_CHARS) + "\n... (" + (text.length() - MAX_OUTPUT_CHARS) + " more characters cut)";
    }

    /** At most {@code chars} chars of text, cut between code points: never half of a surrogate pair. */
    static String prefix(String text, int chars) {
        int end = Math.min(chars, text.length());
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))
                && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }

    static String json(Map<String, Object> results) {
        return Json.write(results);
    }
}
