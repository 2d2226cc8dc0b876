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
import tcplab.support.teach.Feedback;

/** SYNs to a full backlog are dropped without an answer; the client gives up within its connect timeout. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "only Linux drops SYNs to a full backlog;"
        + " macOS and Windows answer differently, so a timed-out connect cannot be staged there")
class SynDropTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    @Test
    @Points(1)
    void clientGivesUpWithinConnectTimeoutWhenSynsAreDropped() throws Exception {
        ConnectPolicy policy = ClientPolicies.policy(
                CONNECT_TIMEOUT, 1, Duration.ofMillis(100), Duration.ofSeconds(5), Sleeper.SYSTEM);
        try (FullBacklog backlog = FullBacklog.open()) {
            long start = System.nanoTime();

            assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> assertThrows(IOException.class, () -> TCPClient.connect(Loopback.HOST, backlog.port(), policy)),
                    () -> Feedback.expected("connect() to give up after its 500 ms connect timeout")
                            .but("it was still waiting for a SYN-ACK after 3 s; without a timeout the kernel keeps"
                                    + " resending the SYN for about two minutes")
                            .hint("Use new Socket() and socket.connect(address, timeoutMillis) with"
                                    + " policy.connectTimeout()."));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(Duration.ofMillis(400)) >= 0 && elapsed.compareTo(Duration.ofSeconds(2)) <= 0,
                    Feedback.expected("connect() to give up between 0.4 s and 2 s, around its 500 ms connect timeout")
                            .but("it gave up after " + elapsed.toMillis() + " ms")
                            .hint("One attempt waits policy.connectTimeout(); with maxAttempts 1 there is no retry."));
        }
    }
}
