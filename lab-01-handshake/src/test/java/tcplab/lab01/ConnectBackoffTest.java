package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.Loopback;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Messages;

/** Between refused attempts the client pauses initialBackoff, then twice as long before each later attempt. */
class ConnectBackoffTest {

    private static final Messages MSG = Messages.of(ConnectBackoffTest.class);

    @Test
    @Points(2)
    void clientBacksOffExponentially() throws Exception {
        ClientPolicies.RecordingSleeper sleeper = new ClientPolicies.RecordingSleeper();
        ConnectPolicy policy = ClientPolicies.policy(
                Duration.ofSeconds(1), 5, Duration.ofMillis(100), Duration.ofSeconds(30), sleeper);

        try (ReservedPort port = ReservedPort.reserve()) {
            assertThrows(IOException.class, () -> TCPClient.connect(Loopback.HOST, port.port(), policy));
        }

        List<Duration> expected = List.of(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
        assertEquals(expected, sleeper.pauses(), MSG.feedback("clientBacksOffExponentially", millis(expected),
                millis(sleeper.pauses())));
    }

    private static String millis(List<Duration> pauses) {
        return pauses.stream().map(d -> d.toMillis() + " ms").toList().toString();
    }
}
