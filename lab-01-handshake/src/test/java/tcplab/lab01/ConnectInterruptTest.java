package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InterruptedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.lab01.ConnectPolicy.Sleeper;
import tcplab.support.grade.Points;
import tcplab.support.net.Loopback;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Feedback;

/** A client interrupted while it pauses between refused attempts stops with InterruptedIOException. */
class ConnectInterruptTest {

    @AfterEach
    void clearInterrupt() {
        // The test thread is reused: leave it without a pending interrupt whatever connect() did.
        Thread.interrupted();
    }

    @Test
    @Points(1)
    void clientStopsWithInterruptedIOExceptionWhenInterruptedWhilePausing() throws Exception {
        Sleeper interrupted = pause -> {
            throw new InterruptedException("interrupted by the test");
        };
        ConnectPolicy policy = ClientPolicies.policy(
                Duration.ofSeconds(1), 5, Duration.ofMillis(100), Duration.ofSeconds(10), interrupted);
        try (ReservedPort port = ReservedPort.reserve()) {
            assertThrows(InterruptedIOException.class, () -> TCPClient.connect(Loopback.HOST, port.port(), policy),
                    Feedback.expected("connect() to throw InterruptedIOException when the pause before the second"
                                    + " attempt is interrupted")
                            .but("it did not")
                            .hint("Pause through policy.sleeper(); catch InterruptedException, restore the flag with"
                                    + " Thread.currentThread().interrupt(), and throw new InterruptedIOException(...)."));
        }
    }
}
