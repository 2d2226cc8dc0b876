package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Feedback;

/** Retries pause longer and longer, with jitter, and all of them fit in one deadline. */
class BackoffTest {

    @Test
    @Points(1)
    void pauseDoublesWithJitterInsideItsWindow() {
        assertAll(
                () -> assertPause(50, 1, 0.0),
                () -> assertPause(99, 1, 0.999),
                () -> assertPause(200, 3, 0.0),
                () -> assertPause(300, 3, 0.5),
                () -> assertPause(399, 3, 0.999));
    }

    private static void assertPause(long expected, int attempt, double random) {
        long pause = ResilientClient.pauseMillis(attempt, 100, random);
        assertEquals(expected, pause, Feedback.expected("pauseMillis(" + attempt + ", 100, " + random + ") to be "
                + expected + " ms").but("it was " + pause).hint("The base doubles per attempt: 100, 200, 400 ms;"
                + " half of it is fixed and random scales the other half."));
    }

    @Test
    @Points(1)
    void refusedConnectsAreRetriedUntilTheDeadline() throws IOException {
        int closedPort;
        try (ReservedPort reserved = ReservedPort.reserve()) {
            closedPort = reserved.port();
        }
        ResilientClient client = new ResilientClient(Clients.settings(closedPort, 500, 500, 1_000, 50));
        long start = System.nanoTime();
        RequestFailedException e = Clients.failure("expected request() to give up at its 1 s deadline",
                () -> client.request("PING", true));
        long millis = Clients.millisSince(start);
        assertAll(
                () -> assertTrue(e.attempts() >= 4, Feedback.expected("at least 4 attempts in 1 s with pauses of"
                        + " 37, 75, 150, 300 ms").but("there were " + e.attempts())
                        .hint("Retry a refused connect: nothing was sent, so it is always safe.")),
                () -> assertEquals(Failure.DEADLINE, e.failure(), Feedback.expected("Failure.DEADLINE")
                        .but("it was " + e.failure()).hint("When the next pause would end after the deadline, stop.")),
                () -> assertTrue(millis < 1_300, Feedback.expected("the request to end by its 1 s deadline")
                        .but("it took " + millis + " ms").hint("Compare each pause with the time left.")));
    }

    @Test
    @Points(1)
    void readTimeoutIsCutToTheDeadline() throws IOException {
        try (ScriptedPeer silent = ScriptedPeer.start(ScriptedPeer.SILENT)) {
            ResilientClient client = new ResilientClient(Clients.settings(silent.port(), 500, 500, 600, 100));
            long start = System.nanoTime();
            Clients.failure("expected request() to give up at its 600 ms deadline", () -> client.request("PING", true));
            long millis = Clients.millisSince(start);
            assertTrue(millis >= 500 && millis < 850, Feedback.expected("the request to end near its 600 ms deadline:"
                            + " a 500 ms read, then a second read cut to the 100 ms left")
                    .but("it ended after " + millis + " ms")
                    .hint("Set each attempt's timeouts to min(configured timeout, time left before the deadline)."));
        }
    }
}
