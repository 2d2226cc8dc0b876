package tcplab.support.teach;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import tcplab.support.net.ReadTimeoutException;

/**
 * Turns a {@link ReadTimeoutException} of a test's own connection into the teaching failure "data or EOF from
 * 127.0.0.1:port". Registered for every test through JUnit's extension autodetection (see
 * {@code junit-platform.properties}), so the socket fixtures stay free of JUnit and of messages.
 */
public final class ReadTimeoutFeedback implements TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final Messages MSG = Messages.of(ReadTimeoutFeedback.class);

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw teaching(thrown);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        throw teaching(thrown);
    }

    /**
     * The teaching failure for a read timeout anywhere in {@code thrown}'s causes. An assertion that quotes the
     * timeout ({@code assertDoesNotThrow}: "Unexpected exception thrown: ...") quotes the teaching text instead;
     * other failures pass unchanged.
     */
    static Throwable teaching(Throwable thrown) {
        ReadTimeoutException timeout = find(thrown);
        if (timeout == null) {
            return thrown;
        }
        String text = MSG.feedback("read", timeout.remotePort(), TcpAssertions.seconds(timeout.timeout()));
        if (!(thrown instanceof AssertionError)) {
            return new AssertionFailedError(text, thrown);
        }
        String message = thrown.getMessage();
        if (message == null || !message.contains(timeout.toString())) {
            return thrown;
        }
        AssertionFailedError taught = new AssertionFailedError(message.replace(timeout.toString(), text),
                thrown.getCause());
        taught.setStackTrace(thrown.getStackTrace());
        return taught;
    }

    private static ReadTimeoutException find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ReadTimeoutException timeout) {
                return timeout;
            }
        }
        return null;
    }
}
