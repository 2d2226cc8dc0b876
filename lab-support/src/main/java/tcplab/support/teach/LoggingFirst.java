package tcplab.support.teach;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.LoggerFactory;

/**
 * Starts SLF4J and Logback once, before the first test runs.
 *
 * <p>Test classes run at once. While one thread starts SLF4J, the others get stand-in loggers whose lines are
 * replayed later from the starting thread, and a stand-in factory instead of Logback's. {@link LogCapture} would
 * then count a test's own lines as another test's, or fail to open, and a grade would depend on which test came first.
 */
public final class LoggingFirst implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        LoggerFactory.getILoggerFactory();
    }
}
