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
import tcplab.support.grade.Points;
import tcplab.support.net.Loopback;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Feedback;

/** When no server ever appears, the client gives up in bounded time with a one-line error. */
class ConnectGiveUpTest {

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
            String hint = "Throw new ConnectException(\"cannot connect to " + endpoint
                    + " after 3 attempts in 25 ms: Connection refused\") once you give up.";
            assertFalse(message.contains("\n"), Feedback.expected("a one-line error")
                    .but("the message has line breaks: " + message).hint(hint));
            assertTrue(message.contains(endpoint) && Pattern.compile("(?<!\\d)3 attempts").matcher(message).find(),
                    Feedback.expected("an error that names " + endpoint + " and \"3 attempts\"")
                            .but("it said \"" + message + "\"").hint(hint));
            assertTrue(message.toLowerCase(Locale.ROOT).contains("refused"),
                    Feedback.expected("an error that ends with the last attempt's error, \"Connection refused\"")
                            .but("it said \"" + message + "\"").hint(hint));
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
                    () -> Feedback.expected("connect() to give up about 1 s after the first attempt (totalTimeout)")
                            .but("it was still trying after 3 s")
                            .hint("Stop when the next pause would end after policy.totalTimeout() from the start."));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(Duration.ofMillis(500)) >= 0,
                    Feedback.expected("connect() to keep retrying with pauses of 50, 100, 200, 400 ms for up to 1 s")
                            .but("it gave up after " + elapsed.toMillis() + " ms")
                            .hint("Retry refused attempts until policy.maxAttempts() or policy.totalTimeout()."));
        }
    }
}
