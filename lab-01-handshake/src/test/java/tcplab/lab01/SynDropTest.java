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
import tcplab.support.kit.Points;
import tcplab.support.net.FullBacklog;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;
import tcplab.support.teach.SchedulingLag;
import tcplab.support.teach.TcpAssertions;

/** SYNs to a full backlog are dropped without an answer; the client gives up within its connect timeout. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "only Linux drops SYNs to a full backlog;"
        + " macOS and Windows answer differently, so a timed-out connect cannot be staged there")
class SynDropTest {

    private static final Messages MSG = Messages.of(SynDropTest.class);

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);

    /**
     * The total timeout: a client that bounds its attempt with it instead of the connect timeout waits a minute, one
     * without any timeout about two (the kernel's SYN retries), a correct one 300 ms.
     */
    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(60);

    /** The hard bound, far from both: 25 times a correct client's wait, an eighth of a wrong one's. */
    private static final Duration GIVE_UP_WITHIN = Duration.ofMillis(7500);

    /**
     * How much later than 300 ms a correct client may give up, besides the scheduling lag measured beside it (its
     * timer fires, then the test thread wakes): on a machine at load 14, 300 to 560 ms were measured.
     */
    private static final Duration MARGIN = Duration.ofMillis(1500);

    @Test
    @Points(1)
    void clientGivesUpWithinConnectTimeoutWhenSynsAreDropped() throws Exception {
        ConnectPolicy policy = ClientPolicies.policy(
                CONNECT_TIMEOUT, 1, Duration.ofMillis(100), TOTAL_TIMEOUT, Sleeper.SYSTEM);
        ClientPolicies.loadConnectPath();
        try (FullBacklog backlog = TcpAssertions.fullBacklog(); SchedulingLag lag = SchedulingLag.start()) {
            long start = System.nanoTime();

            assertTimeoutPreemptively(GIVE_UP_WITHIN,
                    () -> assertThrows(IOException.class, () -> TCPClient.connect(Loopback.HOST, backlog.port(), policy)),
                    () -> MSG.feedback("clientGivesUpWithinConnectTimeoutWhenSynsAreDropped",
                            TcpAssertions.seconds(GIVE_UP_WITHIN)));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(Duration.ofMillis(250)) >= 0,
                    MSG.feedback("clientGivesUpWithinConnectTimeoutWhenSynsAreDropped.2", elapsed.toMillis()));
            long allowed = CONNECT_TIMEOUT.plus(MARGIN).toMillis() + lag.millisFor(2);
            assertTrue(elapsed.toMillis() <= allowed,
                    MSG.feedback("clientGivesUpWithinConnectTimeoutWhenSynsAreDropped.3", elapsed.toMillis(), allowed));
        }
    }
}
