package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.SchedulingLag;

/** Retries pause longer and longer, with jitter, and all of them fit in one deadline. */
class BackoffTest {

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
        assertEquals(expected, pause, Feedback.expected("pauseMillis(" + attempt + ", 100, " + random + ") to be "
                + expected + " ms").but("it was " + pause).hint("The base doubles per attempt: 100, 200, 400 ms;"
                + " half of it is fixed and random scales the other half."));
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
            RequestFailedException e = Clients.failure("request() to give up at its 1500 ms deadline",
                    "Compare each pause with the time left before the deadline.", () -> client.request("PING", true));
            long millis = Clients.millisSince(start);
            assertTrue(e.attempts() >= 4, Feedback.expected("at least 4 attempts in 1500 ms with pauses of 75, 150,"
                            + " 300 ms").but("there were " + e.attempts())
                    .hint("Retry a refused connect: nothing was sent, so it is always safe."));
            assertEquals(Failure.DEADLINE, e.failure(), Feedback.expected("Failure.DEADLINE").but("it was "
                    + e.failure()).hint("When the next pause would end after the deadline, stop."));
            long bound = DEADLINE_MILLIS + lag.millisFor(3);
            assertTrue(millis <= bound, Feedback.expected("the request to end by its 1500 ms deadline (" + bound
                            + " ms, with this machine's scheduling lag)").but("it took " + millis + " ms")
                    .hint("Do not start a pause that ends after the deadline: compare each pause with the time left."));
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
            Clients.failure("request() to give up at its 2200 ms deadline",
                    "Set each attempt's timeouts to min(configured timeout, time left before the deadline).",
                    () -> client.request("PING", true));
            long millis = Clients.millisSince(start);
            long latest = 2_200 + 500 + lag.millisFor(4);
            assertTrue(millis >= 2_000 && millis <= latest, Feedback.expected("the request to end near its 2200 ms"
                            + " deadline, between 2000 and " + latest + " ms (with this machine's scheduling lag): a"
                            + " 2000 ms read, then a retry whose read is cut to the 200 ms left")
                    .but("it ended after " + millis + " ms")
                    .hint("Set each attempt's timeouts to min(configured timeout, time left before the deadline)."));
        }
    }
}
