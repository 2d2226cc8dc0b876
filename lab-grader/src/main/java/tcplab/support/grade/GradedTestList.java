package tcplab.support.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.commons.annotation.Testable;
import tcplab.support.kit.KitOnly;
import tcplab.support.kit.Points;
import tcplab.support.kit.Visibility;
import tcplab.support.kit.WarmUp;

/**
 * The list of a lab's graded tests, read from its compiled test classes and kept as a file, so that the grader
 * knows every test and its points even when a submission does not compile.
 *
 * <p>Usage: {@code GradedTestList TEST_CLASSES_DIR OUT_FILE DECLARED_TOTAL STRICT [TITLE]}. With STRICT true (the
 * kit check) a test without {@link Points} or {@link WarmUp}, a warm-up with points, or points that do not add up
 * to the declared total fail the build; otherwise they are printed as warnings. A TITLE, the lab's, is kept beside
 * OUT_FILE as {@code title.txt}, for the grader's report.
 */
public final class GradedTestList {

    private GradedTestList() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 && args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: GradedTestList TEST_CLASSES_DIR OUT_FILE DECLARED_TOTAL STRICT [TITLE]");
        }
        Path classes = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int declared = Integer.parseInt(args[2]);
        boolean strict = Boolean.parseBoolean(args[3]);

        List<String> problems = new ArrayList<>();
        List<GradedTest> tests = scan(classes, Thread.currentThread().getContextClassLoader(), problems);
        // An instructor's hidden tests declare another visibility, and add to the declared total.
        int total = tests.stream().filter(t -> t.visibility() == Visibility.VISIBLE).mapToInt(GradedTest::points).sum();
        if (!tests.isEmpty() && total != declared) {
            problems.add("the visible tests' points add up to " + total + ", but the lab declares " + declared
                    + " (kit.lab.points)");
        }
        write(out, tests);
        if (args.length == 5) {
            Files.writeString(out.resolveSibling("title.txt"), args[4] + "\n", StandardCharsets.UTF_8);
        }
        if (!problems.isEmpty()) {
            String text = "grading: " + String.join("\n  ", problems);
            if (strict) {
                throw new IllegalStateException(text);
            }
            System.out.println("[WARNING] " + text);
        }
    }

    /** Every test method under {@code classes}, in a stable order; what is wrong with them goes to problems. */
    static List<GradedTest> scan(Path classes, ClassLoader loader, List<String> problems) throws IOException {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        List<GradedTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String relative = classes.relativize(file).toString();
                if (relative.contains("$") || relative.endsWith("package-info.class")) {
                    continue;
                }
                String name = relative.substring(0, relative.length() - ".class".length())
                        .replace(file.getFileSystem().getSeparator(), ".");
                tests.addAll(testsOf(load(name, loader), problems));
            }
        }
        tests.sort(Comparator.comparing(GradedTest::className).thenComparing(GradedTest::method));
        return tests;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load test class " + name + ": " + e, e);
        }
    }

    private static List<GradedTest> testsOf(Class<?> type, List<String> problems) {
        if (Modifier.isAbstract(type.getModifiers()) || type.isAnnotationPresent(KitOnly.class)) {
            return List.of();
        }
        List<GradedTest> tests = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!isTest(method)) {
                continue;
            }
            Points points = method.getAnnotation(Points.class);
            boolean warmUp = type.isAnnotationPresent(WarmUp.class) || method.isAnnotationPresent(WarmUp.class);
            String name = type.getSimpleName() + "." + method.getName();
            if (points == null && !warmUp) {
                problems.add(name + " has neither @Points nor @WarmUp");
            }
            if (points != null && warmUp) {
                problems.add(name + " is a @WarmUp and must not carry @Points");
            }
            if (points != null && points.value() <= 0) {
                problems.add(name + " has " + points.value() + " points; a graded test is worth at least 1");
            }
            tests.add(new GradedTest(type.getName(), method.getName(), points == null ? 0 : points.value(), warmUp,
                    points == null ? Visibility.VISIBLE : points.visibility()));
        }
        return tests;
    }

    /** Whether JUnit runs the method: @Test, @ParameterizedTest and the like carry @Testable, directly or not. */
    private static boolean isTest(Method method) {
        for (Annotation a : method.getAnnotations()) {
            if (isTestable(a.annotationType(), new HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTestable(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (type == Testable.class) {
            return true;
        }
        if (!seen.add(type)) {
            return false;
        }
        for (Annotation meta : type.getAnnotations()) {
            if (isTestable(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }

    static void write(Path out, List<GradedTest> tests) {
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, tests.stream().map(GradedTest::toLine).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the graded-test list " + out, e);
        }
    }
}
