package tcplab.support.teach;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures what code under test logs through SLF4J below a logger name, at every level. While a capture is open,
 * those lines also reach the console of {@code logback-test.xml}, which Surefire writes to each test class's
 * {@code -output.txt} file.
 *
 * <p>Test classes run at once, so a logger also hears other tests' servers. A line counts as this test's own when
 * the thread that logged it descends from the thread that opened the capture (threads inherit the mark when they
 * are created); {@link #report()} shows those lines, cut to a size a terminal can show.
 */
public final class LogCapture implements AutoCloseable {

    /** At most this many lines in a report; the rest are counted. */
    static final int REPORT_LINES = 12;
    /** At most this many characters of one line in a report. */
    static final int LINE_CHARS = 160;

    /** The capture that the current thread, or the thread that created it, opened. */
    private static final InheritableThreadLocal<LogCapture> OWNER = new InheritableThreadLocal<>();

    /**
     * Each captured logger's own level before its first open capture, and how many are open. Tests overlap: the
     * level goes back only when the last capture closes, or an open one would stop hearing info lines.
     */
    private static final Map<Logger, Raised> RAISED = new HashMap<>();

    private record Raised(Level previous, int captures) {
    }

    private record Line(String message, boolean own) {
    }

    private final Logger logger;
    private boolean closed;
    private final List<Line> lines = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            Line line = new Line(event.getFormattedMessage(), OWNER.get() == LogCapture.this);
            synchronized (lines) {
                lines.add(line);
            }
        }
    };

    private LogCapture(String loggerName) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("SLF4J is not backed by Logback yet: " + LoggerFactory.getILoggerFactory()
                    + ". Is " + LoggingFirst.class.getName() + " listed as a JUnit TestExecutionListener?");
        }
        logger = context.getLogger(loggerName);
        OWNER.set(this);
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
        raise(logger);
    }

    /** Lets every level of {@code logger} through while any capture of it is open. */
    private static void raise(Logger logger) {
        synchronized (RAISED) {
            Raised raised = RAISED.get(logger);
            if (raised == null) {
                RAISED.put(logger, new Raised(logger.getLevel(), 1));
                logger.setLevel(Level.TRACE);
            } else {
                RAISED.put(logger, new Raised(raised.previous(), raised.captures() + 1));
            }
        }
    }

    /** Gives {@code logger} its own level back when its last open capture closes. */
    private static void lower(Logger logger) {
        synchronized (RAISED) {
            Raised raised = RAISED.get(logger);
            if (raised.captures() == 1) {
                RAISED.remove(logger);
                logger.setLevel(raised.previous());
            } else {
                RAISED.put(logger, new Raised(raised.previous(), raised.captures() - 1));
            }
        }
    }

    /** Starts capturing everything logged by {@code loggerName} and the loggers below it. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** The formatted messages logged so far, by this test's threads and any other. */
    public List<String> messages() {
        synchronized (lines) {
            return lines.stream().map(Line::message).toList();
        }
    }

    /** The formatted messages that contain {@code text}. */
    public List<String> messagesContaining(String text) {
        return messages().stream().filter(m -> m.contains(text)).toList();
    }

    /**
     * What this test's threads logged, for a failure message: the first {@value #REPORT_LINES} lines, each cut to
     * {@value #LINE_CHARS} characters with anything that is not printable text escaped, and how much was left out.
     * Lines of other tests are only counted. {@code [] (nothing)} when nothing was logged.
     */
    public String report() {
        List<String> own;
        int others;
        synchronized (lines) {
            own = lines.stream().filter(Line::own).map(Line::message).toList();
            others = lines.size() - own.size();
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < Math.min(own.size(), REPORT_LINES); i++) {
            out.append(i == 0 ? "" : " | ").append(Printable.cut(own.get(i), LINE_CHARS));
        }
        out.append(']');
        if (own.isEmpty()) {
            out.append(" (nothing)");
        }
        if (own.size() > REPORT_LINES) {
            out.append(" and ").append(own.size() - REPORT_LINES).append(" more lines");
        }
        if (others > 0) {
            out.append(" (").append(others).append(others == 1 ? " line" : " lines").append(" of other tests left out)");
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        logger.detachAppender(appender);
        lower(logger);
        appender.stop();
        if (OWNER.get() == this) {
            OWNER.remove();
        }
    }
}
