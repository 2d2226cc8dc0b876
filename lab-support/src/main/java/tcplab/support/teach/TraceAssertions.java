package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tcplab.support.probe.TcpState;
import tcplab.support.trace.Trace;
import tcplab.support.trace.Trace.Step;

/** Checks of a trace against what a handout claims: the states after a step, and the order of its segments. */
public final class TraceAssertions {

    private TraceAssertions() {
    }

    /** Skips the test, with the reason, where the segments could not be captured. */
    public static void assumeSegments(Trace trace) {
        assumeTrue(trace.segmentsUnavailable().isEmpty(),
                () -> "segments not captured: " + trace.segmentsUnavailable().orElse(""));
    }

    /** The step's states of both ends. */
    public static void assertStates(Trace trace, int step, TcpState client, TcpState server) {
        Step s = trace.steps().get(step - 1);
        assertEquals(client + " / " + server, s.clientEnd() + " / " + s.serverEnd(),
                "client / server state after step " + step + " (" + s.client() + " | " + s.server() + "), with "
                        + trace.flow(s) + " on the wire");
    }

    /**
     * The whole trace's segments include {@code expected} in this order, with others allowed in between. Which step
     * a segment is printed under depends on timing (a busy machine may record a step late); their order does not.
     */
    public static void assertInOrder(Trace trace, String... expected) {
        List<String> flow = trace.steps().stream().flatMap(step -> trace.flow(step).stream()).toList();
        int at = 0;
        for (String segment : expected) {
            int found = flow.subList(at, flow.size()).indexOf(segment);
            assertTrue(found >= 0, "expected " + List.of(expected) + " in this order, but the wire showed " + flow);
            at += found + 1;
        }
    }

    /** No segment of the whole trace carries {@code flag} ({@code 'R'} for RST, {@code 'F'} for FIN). */
    public static void assertNoFlag(Trace trace, char flag) {
        for (Step step : trace.steps()) {
            List<String> flow = trace.flow(step);
            assertTrue(flow.stream().noneMatch(s -> s.substring(s.indexOf(' ') + 1).indexOf(flag) >= 0),
                    "expected no segment with " + flag + ", but step " + step.number() + " showed " + flow);
        }
    }

    /** The printed trace has no line with trailing spaces, and none wider than {@link Trace#WIDTH}. */
    public static void assertLayout(Trace trace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trace.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        for (String line : lines) {
            assertEquals(line.stripTrailing(), line, "a printed trace line ends with spaces");
            assertTrue(line.length() <= Trace.WIDTH,
                    "a printed trace line is " + line.length() + " characters wide, over " + Trace.WIDTH + ": " + line);
        }
    }
}
