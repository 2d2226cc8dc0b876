package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tcplab.support.trace.Capture;
import tcplab.support.trace.MermaidDiagram;
import tcplab.support.trace.Segment;
import tcplab.support.trace.Trace;

/**
 * Checks of the files a trace leaves ({@link tcplab.support.trace.TraceFiles}) against its text: the Mermaid diagram
 * parses and draws the same segments, and the pcap holds them. Segments are compared as "client S. seq 0 ack 1 len 0
 * win 65483": the sender, tcpdump's flags, the relative numbers and the window in bytes.
 */
public final class TraceFileAssertions {

    /** A segment line of the text: the arrow, flags, relative seq [absolute], ack likewise, length, window. */
    private static final Pattern TEXT_SEGMENT = Pattern.compile(
            "(-+>|<-+)\\s+(\\S+)\\s+seq (\\d+) \\[\\d+\\](?: ack (\\S+) \\[\\d+\\])? len (\\d+) win (\\d+)");
    private static final Pattern MESSAGE = Pattern.compile("(\\w+)(->>|-x)(\\w+): (.+)");
    private static final Pattern PARTICIPANT = Pattern.compile("participant (\\w+) as \\S.*");
    private static final Pattern NOTE = Pattern.compile("Note (?:over|left of|right of) (\\w+): \\S.*");
    private static final Pattern TITLE = Pattern.compile("title \\S.*");
    private static final Pattern ENTITY = Pattern.compile("#\\d+;");

    private TraceFileAssertions() {
    }

    /** The segments of the trace as its text shows them, in order. */
    public static List<String> textSegments(Trace trace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trace.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> segments = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher m = TEXT_SEGMENT.matcher(line);
            if (m.find()) {
                segments.add((m.group(1).endsWith(">") ? "client " : "server ") + m.group(2) + " seq " + m.group(3)
                        + (m.group(4) == null ? "" : " ack " + m.group(4)) + " len " + m.group(5) + " win "
                        + m.group(6));
            }
        }
        return segments;
    }

    /** The diagram of a Markdown file that {@code TraceFiles} wrote: the lines of its one mermaid block. */
    public static List<String> mermaidBlock(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        int open = lines.indexOf("```mermaid");
        int close = open < 0 ? -1 : lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
        assertTrue(open >= 0 && close > open, "expected " + "one ```mermaid block, closed by ```" + ", but " + "the file has " + lines + ". " + "Does TraceFiles write the block's fences?");
        return lines.subList(open + 1, close);
    }

    /**
     * The diagram parses as a sequence diagram: the header, then only titles, participants, notes and messages,
     * every participant declared before it is used, and no text that Mermaid would read as syntax.
     */
    public static void assertMermaidParses(List<String> diagram) {
        assertEquals("sequenceDiagram", diagram.isEmpty() ? "" : diagram.get(0), "expected " + "a diagram that starts with sequenceDiagram" + ", but " + "it starts otherwise" + ". " + "Does MermaidDiagram write the header first?");
        Set<String> declared = new HashSet<>();
        for (String line : diagram.subList(1, diagram.size())) {
            String statement = line.strip();
            Matcher participant = PARTICIPANT.matcher(statement);
            Matcher note = NOTE.matcher(statement);
            Matcher message = MESSAGE.matcher(statement);
            List<String> used = new ArrayList<>();
            if (participant.matches()) {
                declared.add(participant.group(1));
            } else if (note.matches()) {
                used.add(note.group(1));
            } else if (message.matches()) {
                used.addAll(List.of(message.group(1), message.group(3)));
            } else {
                assertTrue(TITLE.matcher(statement).matches(), "expected " + "a title, participant, note or"
                        + " message on each line" + ", but " + "a line reads \"" + line + "\"" + ". " + "Is a statement missing its colon or its text?");
            }
            assertTrue(declared.containsAll(used), "expected " + "participants declared before they are used" + ", but " + "\"" + line + "\" uses " + used + " with only " + declared + " declared" + ". " + "Are the participant lines first?");
            String text = ENTITY.matcher(statement.substring(statement.indexOf(' ') + 1)).replaceAll("");
            assertTrue(text.indexOf(';') < 0 && text.indexOf('#') < 0, "expected " + "no ; or # in text, where"
                    + " Mermaid reads them as syntax" + ", but " + "\"" + line + "\" has one" + ". " + "Does MermaidDiagram.text escape them as #59; and #35;?");
        }
        assertEquals(Set.of(MermaidDiagram.CLIENT, MermaidDiagram.SERVER), declared, "expected " + "the"
                + " participants client and server" + ", but " + "the diagram declares " + declared + ". " + "Does MermaidDiagram declare both sides?");
    }

    /** The diagram's messages are the text's segments, in the same order. */
    public static void assertMermaidHasTheTextSegments(Trace trace, List<String> diagram) {
        List<String> drawn = new ArrayList<>();
        for (String line : diagram) {
            Matcher message = MESSAGE.matcher(line.strip());
            if (message.matches()) {
                String sender = message.group(1).equals(MermaidDiagram.CLIENT) ? "client " : "server ";
                drawn.add(sender + message.group(4));
            }
        }
        List<String> text = textSegments(trace);
        assertEquals(text, drawn, "expected " + "the " + text.size() + " segments of the text, in order" + ", but " + "the diagram draws " + drawn.size() + ". " + "Does MermaidDiagram draw every segment of each step?");
    }

    /** The capture file reads with pkts, and holds the text's segments (without their windows) in the same order. */
    public static void assertPcapHasTheTextSegments(Trace trace, Path pcap) throws IOException {
        List<Segment> captured = Capture.read(pcap);
        Map<Integer, Long> firstSeq = new HashMap<>();
        List<String> read = new ArrayList<>();
        for (Segment s : captured) {
            firstSeq.putIfAbsent(s.fromPort(), s.seq());
            Long peerFirst = firstSeq.get(s.toPort());
            String ack = peerFirst == null ? "?" : Long.toString((s.ack() - peerFirst) & 0xffffffffL);
            read.add((trace.fromClient(s) ? "client " : "server ") + s.flags() + " seq "
                    + ((s.seq() - firstSeq.get(s.fromPort())) & 0xffffffffL) + (s.hasAck() ? " ack " + ack : "")
                    + " len " + s.length());
        }
        List<String> text = textSegments(trace).stream().map(s -> s.substring(0, s.lastIndexOf(" win "))).toList();
        assertEquals(text, read, "expected " + "the " + text.size() + " segments of the text in the pcap, in"
                + " order" + ", but " + "it holds " + read.size() + ". " + "Is the kept pcap tcpdump's whole capture?");
    }
}
