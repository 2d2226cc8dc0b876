package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tcplab.support.kit.Points;
import tcplab.support.net.FullBacklog;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** An attempt whose SYNs are dropped (a full backlog) times out, and the client retries it like a refused one. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "only Linux drops SYNs to a full backlog;"
        + " macOS and Windows answer differently, so a timed-out connect cannot be staged there")
class ConnectTimeoutRetryTest {

    private static final Messages MSG = Messages.of(ConnectTimeoutRetryTest.class);

    /** Two attempts of 300 ms each take 0.6 s; five times that still ends long before a connect without timeout. */
    private static final Duration GIVE_UP_WITHIN = Duration.ofSeconds(3);

    @Test
    @Points(1)
    void clientRetriesAttemptThatTimedOut() throws Exception {
        ClientPolicies.RecordingSleeper sleeper = new ClientPolicies.RecordingSleeper();
        ConnectPolicy policy = ClientPolicies.policy(
                Duration.ofMillis(300), 2, Duration.ofMillis(10), Duration.ofSeconds(10), sleeper);
        ClientPolicies.loadConnectPath();
        try (FullBacklog backlog = TcpAssertions.fullBacklog()) {
            assertTimeoutPreemptively(GIVE_UP_WITHIN,
                    () -> assertThrows(IOException.class, () -> TCPClient.connect(Loopback.HOST, backlog.port(), policy)),
                    () -> MSG.feedback("clientRetriesAttemptThatTimedOut"));

            assertEquals(List.of(Duration.ofMillis(10)), sleeper.pauses(),
                    MSG.feedback("clientRetriesAttemptThatTimedOut.2", sleeper.pauses()));
        }
    }
}
