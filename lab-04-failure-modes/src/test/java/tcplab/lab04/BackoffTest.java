package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.ReservedPort;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.teach.Messages;
import tcplab.support.teach.SchedulingLag;

/** Retries pause longer and longer, with jitter, and all of them fit in one deadline. */
class BackoffTest {

    private static final Messages MSG = Messages.of(BackoffTest.class);

    private static final long DEADLINE_MILLIS = 1_500;

    @Test
    @Points(1)
    void pauseDoublesWithJitterInsideItsWindow() {
        assertPause(50, 1, 0.0);
        assertPause(99, 1, 0.999);
        assertPause(200, 3, 0.0);
        assertPause(300, 3, 0.5);
        assertPause(399, 3, 0.999);
    }

    private static void assertPause(long expected, int attempt, double random) {
        long pause = ResilientClient.pauseMillis(attempt, 100, random);
        assertEquals(expected, pause, MSG.feedback("assertPause", attempt, random, expected, pause));
    }

    /**
     * Refused connects, with pauses of 75, 150, 300 and 600 ms: the fifth attempt starts at about 1125 ms, and the
     * next pause, 1200 ms, would end after the 1500 ms deadline, so the request gives up there. A client that sleeps
     * past its deadline ends after 2325 ms.
     */
    @Test
    @Points(1)
    void refusedConnectsAreRetriedUntilTheDeadline() throws IOException {
        int closedPort;
        try (ReservedPort reserved = ReservedPort.reserve()) {
            closedPort = reserved.port();
        }
        ResilientClient client = new ResilientClient(Clients.settings(closedPort, 500, 500, DEADLINE_MILLIS, 100));
        try (SchedulingLag lag = SchedulingLag.start()) {
            long start = System.nanoTime();
            RequestFailedException e = Clients.failure(MSG.text("deadline1500"),
                    MSG.text("deadline1500.hint"), () -> client.request("PING", true));
            long millis = Clients.millisSince(start);
            assertTrue(e.attempts() >= 4, MSG.feedback("refusedConnectsAreRetriedUntilTheDeadline", e.attempts()));
            assertEquals(Failure.DEADLINE, e.failure(), MSG.feedback("refusedConnectsAreRetriedUntilTheDeadline.2",
                    e.failure()));
            long bound = DEADLINE_MILLIS + lag.millisFor(3);
            assertTrue(millis <= bound, MSG.feedback("refusedConnectsAreRetriedUntilTheDeadline.3", bound, millis));
        }
    }

    /**
     * A silent peer and a 2000 ms read timeout, within a 2200 ms deadline: the first read times out at 2000 ms, the
     * retry's read is cut to the 200 ms left, and the request ends at about 2200 ms. Uncut, it would take 4000 ms.
     */
    @Test
    @Points(1)
    void readTimeoutIsCutToTheDeadline() throws IOException {
        try (ScriptedPeer silent = ScriptedPeer.start(ScriptedPeer.SILENT);
             SchedulingLag lag = SchedulingLag.start()) {
            ResilientClient client = new ResilientClient(Clients.settings(silent.port(), 2_000, 2_000, 2_200, 100));
            long start = System.nanoTime();
            Clients.failure(MSG.text("deadline2200"),
                    MSG.text("deadline2200.hint"),
                    () -> client.request("PING", true));
            long millis = Clients.millisSince(start);
            long latest = 2_200 + 500 + lag.millisFor(4);
            assertTrue(millis >= 2_000 && millis <= latest, MSG.feedback("readTimeoutIsCutToTheDeadline", latest,
                    millis));
        }
    }
}
