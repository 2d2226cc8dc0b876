package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tcplab.support.kit.Points;
import tcplab.support.teach.Messages;

/**
 * In real captures of the reference echo server ({@code tcpdump -S -n} on loopback), every acknowledgement is one that
 * ackFor() predicts from a segment the other side sent before it, and no acknowledgement goes backwards.
 */
class CaptureReplayTest {

    private static final Messages MSG = Messages.of(CaptureReplayTest.class);

    private static final Pattern SEGMENT = Pattern.compile(
            "IP [\\d.]+\\.(\\d+) > [\\d.]+\\.(\\d+): Flags \\[([^\\]]*)\\]"
                    + "(?:, seq (\\d+)(?::\\d+)?)?(?:, ack (\\d+))?.*, length (\\d+)");

    /** One line of the capture. */
    record Segment(String line, int from, String flags, Long seq, Long ack, int length) {
    }

    @ParameterizedTest
    @Points(2)
    @ValueSource(strings = {"echo-20-bytes.tcpdump.txt", "echo-200000-bytes.tcpdump.txt"})
    void everyAckInTheCaptureIsPredicted(String capture) throws IOException {
        List<Segment> segments = read(capture);
        Map<Integer, Set<Long>> predicted = new HashMap<>();
        Map<Integer, Long> lastAck = new HashMap<>();
        for (Segment s : segments) {
            int to = segments.stream().filter(o -> o.from() != s.from()).findFirst().orElseThrow().from();
            if (s.ack() != null) {
                Set<Long> candidates = predicted.getOrDefault(to, Set.of());
                assertTrue(candidates.contains(s.ack()), MSG.feedback("everyAckInTheCaptureIsPredicted", s.ack(),
                        s.line(), to, candidates));
                Long previous = lastAck.put(s.from(), s.ack());
                assertFalse(previous != null && SequenceNumbers.compare(s.ack(), previous) < 0,
                        MSG.feedback("everyAckInTheCaptureIsPredicted.2", s.from(), s.ack(), previous));
            }
            if (s.seq() != null) {
                predicted.computeIfAbsent(s.from(), k -> new HashSet<>())
                        .add(SequenceNumbers.ackFor(s.seq(), s.length(), s.flags().contains("S"), s.flags().contains("F")));
            }
        }
    }

    private static List<Segment> read(String capture) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (InputStream in = CaptureReplayTest.class.getResourceAsStream(capture)) {
            assertNotNull(in, "the capture " + capture + " is missing from the test resources");
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                Matcher m = SEGMENT.matcher(line);
                if (m.find()) {
                    segments.add(new Segment(line.substring(m.start()), Integer.parseInt(m.group(1)), m.group(3),
                            m.group(4) == null ? null : Long.valueOf(m.group(4)),
                            m.group(5) == null ? null : Long.valueOf(m.group(5)),
                            Integer.parseInt(m.group(6))));
                }
            }
        }
        assertFalse(segments.isEmpty(), "no segments parsed from " + capture);
        return segments;
    }
}
