package tcplab.support.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.MultipleFailuresError;
import tcplab.support.teach.Feedback;

/**
 * Records every test's outcome for the kit check, when the system property {@code kit.outcomes} names a file.
 * Without it, it does nothing. Planned tests are written first, so a test that never finished is noticed.
 */
public final class OutcomeRecorder implements TestExecutionListener {

    private final Path file;

    public OutcomeRecorder() {
        String path = System.getProperty("kit.outcomes");
        this.file = path == null || path.isBlank() ? null : Path.of(path);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (file == null) {
            return;
        }
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream()
                .filter(TestIdentifier::isTest)
                .forEach(test -> record(test, Outcome.PLANNED, false, "")));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            record(test, "SKIPPED", false, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            Optional<Throwable> thrown = result.getThrowable();
            boolean teaches = thrown.map(OutcomeRecorder::teaches).orElse(false);
            String message = thrown.map(t -> teaches || result.getStatus() != TestExecutionResult.Status.FAILED
                    ? firstFailure(t).getMessage() : describe(firstFailure(t))).orElse("");
            record(test, result.getStatus().name(), teaches, message);
        }
    }

    /** An assertion whose message (each one's, for {@code assertAll}) is the kit's expected / but / hint. */
    static boolean teaches(Throwable thrown) {
        List<? extends Throwable> failures = thrown instanceof MultipleFailuresError multiple
                ? multiple.getFailures() : List.of(thrown);
        return !failures.isEmpty() && failures.stream()
                .allMatch(f -> f instanceof AssertionError && Feedback.teaches(f.getMessage()));
    }

    private static Throwable firstFailure(Throwable thrown) {
        return thrown instanceof MultipleFailuresError multiple && !multiple.getFailures().isEmpty()
                ? multiple.getFailures().get(0) : thrown;
    }

    private static String describe(Throwable thrown) {
        return thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    }

    private synchronized void record(TestIdentifier test, String status, boolean teaches, String message) {
        if (file == null) {
            return;
        }
        Outcome outcome = new Outcome(name(test), test.getTags().contains(TestTag.create(WarmUp.TAG)), status,
                teaches, message);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, outcome.toLine(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the outcome of " + name(test) + " in " + file, e);
        }
    }

    private static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            String className = method.getClassName();
            String name = className.substring(className.lastIndexOf('.') + 1) + "#" + method.getMethodName();
            // each invocation of a parameterized test is a test of its own: "[1] echo-20-bytes.tcpdump.txt"
            return test.getDisplayName().startsWith("[") ? name + " " + test.getDisplayName() : name;
        }
        return test.getUniqueId();
    }
}
