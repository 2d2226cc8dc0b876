package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.net.ReadTimeoutException;

/** A silent connection fails a test with the teaching message, while the socket fixture throws a plain exception. */
class ReadTimeoutFeedbackTest {

    /** A read from a peer that accepts and says nothing throws ReadTimeoutException with that peer's port. */
    @Test
    void silentPeerThrowsReadTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, Loopback.ADDRESS);
             LineConnection connection = LineConnection.open(silent.getLocalPort())) {
            ReadTimeoutException e = assertThrows(ReadTimeoutException.class, connection::readLine);
            assertEquals(silent.getLocalPort(), e.remotePort());
        }
    }

    /** The timeout, even wrapped by another thread, becomes a teaching failure; other failures pass unchanged. */
    @Test
    void timeoutBecomesATeachingFailure() {
        ReadTimeoutException timeout = new ReadTimeoutException(4242, Duration.ofSeconds(2),
                new SocketTimeoutException("Read timed out"));
        Throwable failure = ReadTimeoutFeedback.teaching(new ExecutionException(timeout));
        assertTrue(failure instanceof AssertionError && Feedback.teaches(failure.getMessage())
                && failure.getMessage().contains("4242"), failure.getMessage());
        IOException other = new IOException("reset");
        assertSame(other, ReadTimeoutFeedback.teaching(other));
    }

    /** A test's own assertion that quotes the timeout (assertDoesNotThrow) quotes the teaching text instead. */
    @Test
    void quotedTimeoutBecomesTheTeachingText() {
        ReadTimeoutException timeout = new ReadTimeoutException(4242, Duration.ofSeconds(2),
                new SocketTimeoutException("Read timed out"));
        AssertionFailedError quoting = assertThrows(AssertionFailedError.class, () -> assertDoesNotThrow(() -> {
            throw timeout;
        }, "expected a reply, but none came. Flush."));
        String message = ReadTimeoutFeedback.teaching(quoting).getMessage();
        assertTrue(message.startsWith("expected a reply, but none came. Flush.") && message.contains("4242")
                && !message.contains(ReadTimeoutException.class.getName()), message);
        assertFalse(Feedback.teaches(timeout.getMessage()), timeout.getMessage());
    }
}
