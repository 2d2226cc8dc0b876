package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tcplab.lab01.ConnectPolicy.Sleeper;
import tcplab.support.grade.Points;
import tcplab.support.net.FullBacklog;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;

/** SYNs to a full backlog are dropped without an answer; the client gives up within its connect timeout. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "only Linux drops SYNs to a full backlog;"
        + " macOS and Windows answer differently, so a timed-out connect cannot be staged there")
class SynDropTest {

    private static final Messages MSG = Messages.of(SynDropTest.class);

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);

    /** Eight times the connect timeout: far from a correct client, far below the two minutes of one without. */
    private static final Duration GIVE_UP_WITHIN = Duration.ofMillis(2500);

    @Test
    @Points(1)
    void clientGivesUpWithinConnectTimeoutWhenSynsAreDropped() throws Exception {
        ConnectPolicy policy = ClientPolicies.policy(
                CONNECT_TIMEOUT, 1, Duration.ofMillis(100), Duration.ofSeconds(10), Sleeper.SYSTEM);
        ClientPolicies.loadConnectPath();
        try (FullBacklog backlog = FullBacklog.open()) {
            long start = System.nanoTime();

            assertTimeoutPreemptively(GIVE_UP_WITHIN,
                    () -> assertThrows(IOException.class, () -> TCPClient.connect(Loopback.HOST, backlog.port(), policy)),
                    () -> MSG.feedback("clientGivesUpWithinConnectTimeoutWhenSynsAreDropped"));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(Duration.ofMillis(250)) >= 0,
                    MSG.feedback("clientGivesUpWithinConnectTimeoutWhenSynsAreDropped.2", elapsed.toMillis()));
        }
    }
}
