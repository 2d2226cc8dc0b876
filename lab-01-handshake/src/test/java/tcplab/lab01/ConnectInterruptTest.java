package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InterruptedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.lab01.ConnectPolicy.Sleeper;
import tcplab.support.kit.Points;
import tcplab.support.net.Loopback;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Messages;

/** A client interrupted while it pauses between refused attempts stops with InterruptedIOException. */
class ConnectInterruptTest {

    private static final Messages MSG = Messages.of(ConnectInterruptTest.class);

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
                    MSG.feedback("clientStopsWithInterruptedIOExceptionWhenInterruptedWhilePausing"));
        }
    }
}
