package tcplab.support.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tcplab.support.kit.Visibility;

/**
 * One test of a lab as the grader sees it: where it is, what it is worth, and who sees its result.
 *
 * @param className  the test class's binary name
 * @param method     the test method's name
 * @param points     points earned on a pass; 0 for a warm-up
 * @param warmUp     whether it is a warm-up, which passes on the untouched starter
 * @param visibility who sees the result
 */
public record GradedTest(String className, String method, int points, boolean warmUp, Visibility visibility) {

    /** {@code EchoTest.serverEchoesEachLine}: the name students see. */
    public String name() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + method;
    }

    /** One tab-separated line of the graded-test list. */
    public String toLine() {
        return String.join("\t", className, method, Integer.toString(points), Boolean.toString(warmUp),
                visibility.name());
    }

    /** Reads a line written by {@link #toLine()}. */
    public static GradedTest parse(String line) {
        List<String> f = List.of(line.split("\t", -1));
        if (f.size() != 5) {
            throw new IllegalArgumentException("not a graded-test line: " + line);
        }
        return new GradedTest(f.get(0), f.get(1), Integer.parseInt(f.get(2)), Boolean.parseBoolean(f.get(3)),
                Visibility.valueOf(f.get(4)));
    }

    /** Whether a Surefire {@code testcase} name belongs to this test: the method, or one invocation of it. */
    public boolean matches(String testcaseName) {
        return testcaseName.equals(method) || testcaseName.startsWith(method + "(")
                || testcaseName.startsWith(method + "[");
    }

    /** Reads a graded-test list: one {@link #toLine()} per line. */
    public static List<GradedTest> readAll(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(GradedTest::parse)
                .toList();
    }
}
