package tcplab.support.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tcplab.support.grade.LabGrade.Result;
import tcplab.support.grade.LabGrade.Row;
import tcplab.support.kit.Visibility;
import tcplab.support.teach.Messages;

/** Turns lab grades into the summary table and the JSON files that Gradescope and GitHub Classroom read. */
public final class Report {

    /** A test's output on a platform is cut here, so a submission that prints megabytes cannot swamp the report. */
    static final int MAX_OUTPUT_CHARS = 4_000;
    /** A hint longer than this is cut with a count; the Feedback messages are far shorter. */
    static final int HINT_CHARS = 1_500;
    /** The table wraps hints to end by this column, or gives them this many columns at least. */
    static final int TABLE_COLUMNS = 160;
    static final int MIN_HINT_COLUMNS = 60;
    private static final Pattern MULTIPLE_FAILURES = Pattern.compile("Multiple Failures \\((\\d+) failures?\\)");
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^[\\w.$]+(Error|Exception): ");
    /** What a terminal must not be handed raw: control characters but the line break, and undecodable bytes. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}&&[^\\n]]|\\x{FFFD}");

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
            String cells = "  " + pad(result(row), 7) + "  " + pad(points, 7) + "  " + pad(row.test().name(), width)
                    + "  ";
            // The whole hint, wrapped under its own column: the hint is what a student reads.
            List<String> lines = wrap(hint(row.message()), Math.max(TABLE_COLUMNS - columns(cells), MIN_HINT_COLUMNS));
            out.append((cells + lines.get(0)).stripTrailing()).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                out.append(" ".repeat(columns(cells))).append(line).append('\n');
            }
        }
        out.append(lab.totalLine()).append('\n');
        return out.toString();
    }

    private static String result(Row row) {
        return switch (row.result()) {
            case PASSED -> MSG.text("pass");
            case FAILED -> MSG.text("fail");
            case SKIPPED -> MSG.text("skipped");
            case NOT_RUN -> MSG.text("notRun");
        };
    }

    /**
     * The message without JUnit's "==> expected: <...>" tail and what follows it, with control characters escaped,
     * cut at {@value #HINT_CHARS} characters. For {@code assertAll}'s "Multiple Failures (n failures)" it is the first of them, and how many
     * there are.
     */
    static String hint(String message) {
        String text = message.strip();
        List<String> lines = text.lines().toList();
        Matcher multiple = MULTIPLE_FAILURES.matcher(lines.isEmpty() ? "" : lines.get(0));
        if (multiple.matches() && lines.size() > 1) {
            String first = EXCEPTION_PREFIX.matcher(lines.get(1).strip()).replaceFirst("");
            text = multiple.group(1).equals("1") ? first : "(1 of " + multiple.group(1) + ") " + first;
        }
        int tail = text.indexOf(" ==> ");
        if (tail >= 0) {
            text = text.substring(0, tail);
        }
        text = UNPRINTABLE.matcher(text.strip()).replaceAll(
                m -> Matcher.quoteReplacement(String.format("\\u%04x", (int) m.group().charAt(0))));
        if (text.length() <= HINT_CHARS) {
            return text;
        }
        String kept = prefix(text, HINT_CHARS);
        return kept + "... (" + (text.length() - kept.length()) + " more characters cut)";
    }

    /**
     * How many terminal columns {@code text} takes: two for a Hangul or CJK character, which a terminal draws wide,
     * one for any other code point.
     */
    static int columns(String text) {
        return text.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFF60;
    }

    /** {@code text} and spaces after it, to fill {@code width} terminal columns. */
    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - columns(text)));
    }

    /**
     * Text in lines of at most {@code columns} terminal columns, broken at spaces, and at its own line breaks; a
     * word longer than a line is broken inside, between code points. Always at least one line.
     */
    static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                while (columns(word) > columns) {
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String piece = prefixColumns(word, columns);
                    lines.add(piece);
                    word = word.substring(piece.length());
                }
                if (line.length() > 0 && columns(line.toString()) + 1 + columns(word) > columns) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
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
                test.put("status", row.result() == Result.PASSED ? "passed" : "failed");
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
                allPassed &= row.result() == Result.PASSED;
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", lab.title() + " / " + row.test().name());
                test.put("status", row.result() == Result.PASSED ? "pass" : "fail");
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
    /** The longest start of {@code text} that fits in {@code columns} terminal columns, at least one code point. */
    private static String prefixColumns(String text, int columns) {
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            int w = wide(c) ? 2 : 1;
            if (end > 0 && used + w > columns) {
                break;
            }
            used += w;
            end += Character.charCount(c);
        }
        return text.substring(0, end);
    }

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
