package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tcplab.lab01.ConnectPolicy.Sleeper;
import tcplab.support.kit.Points;
import tcplab.support.net.Loopback;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Messages;

/** When no server ever appears, the client gives up in bounded time with a one-line error. */
class ConnectGiveUpTest {

    private static final Messages MSG = Messages.of(ConnectGiveUpTest.class);

    @Test
    @Points(1)
    void clientReportsGivingUpInOneLine() throws Exception {
        ConnectPolicy policy = ClientPolicies.policy(Duration.ofSeconds(1), 3, Duration.ofMillis(10),
                Duration.ofSeconds(30), new ClientPolicies.RecordingSleeper());
        try (ReservedPort port = ReservedPort.reserve()) {
            String endpoint = Loopback.HOST + ":" + port.port();

            ConnectException error = assertThrows(ConnectException.class,
                    () -> TCPClient.connect(Loopback.HOST, port.port(), policy));

            String message = String.valueOf(error.getMessage());
            String hint = MSG.text("oneLine.hint");
            assertFalse(message.contains("\n"), MSG.feedback("clientReportsGivingUpInOneLine", message, hint));
            assertTrue(message.contains(endpoint) && Pattern.compile("(?<!\\d)3 attempts").matcher(message).find(),
                    MSG.feedback("clientReportsGivingUpInOneLine.2", endpoint, message, hint));
            assertTrue(message.toLowerCase(Locale.ROOT).contains("refused"),
                    MSG.feedback("clientReportsGivingUpInOneLine.3", message, hint));
        }
    }

    @Test
    @Points(2)
    void clientGivesUpWithinTotalTime() throws Exception {
        Duration total = Duration.ofSeconds(1);
        ConnectPolicy policy = ClientPolicies.policy(
                Duration.ofSeconds(1), 100, Duration.ofMillis(50), total, Sleeper.SYSTEM);
        try (ReservedPort port = ReservedPort.reserve()) {
            long start = System.nanoTime();

            assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> assertThrows(IOException.class, () -> TCPClient.connect(Loopback.HOST, port.port(), policy)),
                    () -> MSG.feedback("clientGivesUpWithinTotalTime"));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(Duration.ofMillis(500)) >= 0,
                    MSG.feedback("clientGivesUpWithinTotalTime.2", elapsed.toMillis()));
        }
    }
}
