package tcplab.support.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

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
                .forEach(test -> record(test, Outcome.PLANNED, "")));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            record(test, "SKIPPED", reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            String message = result.getThrowable().map(Throwable::getMessage).orElse("");
            record(test, result.getStatus().name(), message);
        }
    }

    private synchronized void record(TestIdentifier test, String status, String message) {
        if (file == null) {
            return;
        }
        Outcome outcome = new Outcome(name(test), test.getTags().contains(TestTag.create(WarmUp.TAG)), status, message);
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
