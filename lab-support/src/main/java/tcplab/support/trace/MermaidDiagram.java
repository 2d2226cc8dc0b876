package tcplab.support.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * A trace as a Mermaid {@code sequenceDiagram}, the way the handouts draw their exchanges: each application call is
 * a note over its side, each segment an arrow labelled with its flags, relative seq and ack, length and window, and
 * each kernel state after a step a note beside its side. An RST is drawn as an arrow ending in a cross.
 */
public final class MermaidDiagram {

    /** The participant ids in the diagram; the names shown come from the trace. */
    public static final String CLIENT = "C";
    public static final String SERVER = "S";

    private MermaidDiagram() {
    }

    /** The diagram's source, one statement a line, starting with {@code sequenceDiagram}. */
    public static String of(Trace trace) {
        StringBuilder out = new StringBuilder("sequenceDiagram\n");
        line(out, "title " + text(trace.title() + " (127.0.0.1:" + trace.serverPort() + ")"));
        line(out, "participant " + CLIENT + " as " + text(trace.clientName()));
        line(out, "participant " + SERVER + " as " + text(trace.serverName()));
        Map<Integer, Long> firstSeq = new HashMap<>();
        Map<Integer, Integer> windowScale = new HashMap<>();
        for (Trace.Step step : trace.steps()) {
            if (!step.client().isEmpty()) {
                line(out, "Note over " + CLIENT + ": " + text(step.number() + ". " + step.client()));
            }
            if (!step.server().isEmpty()) {
                line(out, "Note over " + SERVER + ": " + text(step.number() + ". " + step.server()));
            }
            for (Segment s : step.segments()) {
                firstSeq.putIfAbsent(s.fromPort(), s.seq());
                if (s.isSyn()) {
                    windowScale.put(s.fromPort(), s.windowScale());
                }
                boolean fromClient = trace.fromClient(s);
                String arrow = s.flags().contains("R") ? "-x" : "->>";
                line(out, (fromClient ? CLIENT : SERVER) + arrow + (fromClient ? SERVER : CLIENT) + ": "
                        + text(label(s, firstSeq, windowScale)));
            }
            // "-" stands for no connection yet: nothing to show on that side.
            if (!step.clientShown().equals("-")) {
                line(out, "Note left of " + CLIENT + ": " + text(step.clientShown()));
            }
            line(out, "Note right of " + SERVER + ": " + text(step.serverShown()));
        }
        return out.toString();
    }

    /** The arrow's label: flags, seq and ack relative to each side's first sequence number, length, window. */
    static String label(Segment s, Map<Integer, Long> firstSeq, Map<Integer, Integer> windowScale) {
        StringBuilder label = new StringBuilder(s.flags())
                .append(" seq ").append((s.seq() - firstSeq.get(s.fromPort())) & 0xffffffffL);
        if (s.hasAck()) {
            Long peerFirst = firstSeq.get(s.toPort());
            label.append(" ack ").append(peerFirst == null ? "?" : Long.toString((s.ack() - peerFirst) & 0xffffffffL));
        }
        return label.append(" len ").append(s.length()).append(" win ").append(Trace.window(s, windowScale))
                .toString();
    }

    private static void line(StringBuilder out, String statement) {
        out.append("    ").append(statement).append('\n');
    }

    /**
     * Text that Mermaid shows as it is: {@code ;} would end the statement and {@code #} starts an entity, and angle
     * brackets could be read as HTML, so these become Mermaid's entity codes; a line break becomes a space.
     */
    static String text(String plain) {
        StringBuilder out = new StringBuilder();
        for (char c : plain.toCharArray()) {
            switch (c) {
                case '#', ';', '<', '>' -> out.append('#').append((int) c).append(';');
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
