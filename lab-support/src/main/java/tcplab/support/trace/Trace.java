package tcplab.support.trace;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;

/**
 * The life of one connection as a two-column sequence diagram: after each application step on either side, the
 * kernel's TCP state of both ends (from the probe) and, where tcpdump can capture, the segments that step put on the
 * wire. Build it step by step while a scenario runs, then {@link #finish()} and {@link #print}.
 */
public final class Trace implements AutoCloseable {

    /** How long a step waits for the state that the handout predicts before it shows whatever the kernel shows. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final int NUMBER_COLUMNS = 3;
    private static final int CLIENT_COLUMNS = 52;
    /**
     * Wide enough that a segment line fits too: 4 + 23 columns of arrow, then at most 85 of flags, both numbers
     * with their absolute values, the length and the window.
     */
    private static final int SERVER_COLUMNS = 60;
    /** No printed line is wider: the columns wrap what does not fit them. */
    public static final int WIDTH = NUMBER_COLUMNS + 1 + CLIENT_COLUMNS + 1 + SERVER_COLUMNS;

    /**
     * One application step and what followed it. A state is null where there is no connection yet, or where the
     * platform cannot show the state expected; {@code clientShown} and {@code serverShown} say which.
     */
    public record Step(int number, String client, String server, TcpState clientEnd, TcpState serverEnd,
                       String clientShown, String serverShown, long endMicros, List<Segment> segments) {

        Step with(List<Segment> own) {
            return new Step(number, client, server, clientEnd, serverEnd, clientShown, serverShown, endMicros, own);
        }
    }

    private final String title;
    private final String clientName;
    private final String serverName;
    private final int serverPort;
    private final TcpProbe probe;
    private final Capture capture;
    private static volatile Trace latest;

    private final List<Step> steps = java.util.Collections.synchronizedList(new ArrayList<>());
    private int clientPort;
    private List<Segment> segments;

    private Trace(String title, String clientName, String serverName, int serverPort) {
        this.title = title;
        this.clientName = clientName;
        this.serverName = serverName;
        this.serverPort = serverPort;
        this.probe = TcpProbe.system();
        this.capture = Capture.start(serverPort);
        latest = this;
    }

    /** The trace started last, to print what a scenario that never finished did until then. */
    static Trace latest() {
        return latest;
    }

    /** Starts a trace of the connections to {@code serverPort}, and its capture where possible. */
    public static Trace of(String title, int serverPort) {
        return new Trace(title, "client", "server", serverPort);
    }

    /** The same, with other names for the two columns. */
    public static Trace of(String title, String clientName, String serverName, int serverPort) {
        return new Trace(title, clientName, serverName, serverPort);
    }

    /**
     * Runs {@code work} on a thread of its own. Not on the common pool: on a machine with two cores it has one
     * thread, which other tests may keep busy for seconds.
     */
    public static <T> CompletableFuture<T> inBackground(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The client's port, once it has connected: from now on the states are those of this connection. */
    public void connected(int clientPort) {
        this.clientPort = clientPort;
    }

    /**
     * Records a step that has just happened, once the ends have reached the states expected after it (or after 2 s,
     * with whatever the kernel shows then).
     */
    public Step step(String client, String server, Set<TcpState> clientSettles, Set<TcpState> serverSettles) {
        TcpState clientEnd = clientPort == 0 ? null : settle(() -> probe.stateOf(clientPort, serverPort), clientSettles);
        TcpState serverEnd = clientPort == 0 ? settle(this::listenerState, serverSettles)
                : settle(() -> probe.stateOf(serverPort, clientPort), serverSettles);
        String clientShown = clientPort == 0 ? "-" : show(clientEnd, clientSettles);
        String serverShown = show(serverEnd, serverSettles);
        Step step = new Step(steps.size() + 1, client, server, known(clientEnd, clientSettles),
                known(serverEnd, serverSettles), clientShown, serverShown, nowMicros(), List.of());
        steps.add(step);
        return step;
    }

    private TcpState listenerState() {
        return probe.listener(serverPort).map(TcpConnection::state).orElse(TcpState.CLOSED);
    }

    private static TcpState settle(Supplier<TcpState> state, Set<TcpState> expected) {
        if (!expected.isEmpty()) {
            try {
                Awaitility.await().atMost(SETTLE).pollInterval(POLL).until(() -> expected.contains(state.get()));
            } catch (ConditionTimeoutException e) {
                // shown as it is
            }
        }
        return state.get();
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    /** Stops the capture and gives each step the segments captured after the step before it, up to its own end. */
    public List<Step> finish() throws IOException {
        segments = capture.stop();
        List<Step> placed = new ArrayList<>();
        long from = Long.MIN_VALUE;
        for (Step step : steps) {
            long start = from;
            List<Segment> own = segments.stream()
                    .filter(s -> s.timeMicros() > start && s.timeMicros() <= step.endMicros()).toList();
            placed.add(step.with(own));
            from = step.endMicros();
        }
        long end = from;
        List<Segment> late = segments.stream().filter(s -> s.timeMicros() > end).toList();
        if (!late.isEmpty() && !placed.isEmpty()) {
            Step last = placed.remove(placed.size() - 1);
            List<Segment> all = new ArrayList<>(last.segments());
            all.addAll(late);
            placed.add(last.with(all));
        }
        steps.clear();
        steps.addAll(placed);
        return List.copyOf(steps);
    }

    /** The steps so far; after {@link #finish()}, with their segments. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /**
     * The segments of a step as "client F." or "server P." (the sender, then tcpdump's flags), in the order they
     * were captured.
     */
    public List<String> flow(Step step) {
        return step.segments().stream().map(s -> (fromClient(s) ? "client " : "server ") + s.flags()).toList();
    }

    /** Whether the client sent this segment. */
    public boolean fromClient(Segment segment) {
        return segment.toPort() == serverPort;
    }

    /** Why no segments were captured, or empty if they were. */
    public Optional<String> segmentsUnavailable() {
        return capture.unavailable();
    }

    /** The title, the names of the two columns and the server's port, for the other renderings of the trace. */
    String title() {
        return title;
    }

    String clientName() {
        return clientName;
    }

    String serverName() {
        return serverName;
    }

    int serverPort() {
        return serverPort;
    }

    /** The capture file, kept until {@link #close()}; empty where nothing was captured. */
    Optional<java.nio.file.Path> captureFile() {
        return capture.file();
    }

    /** Prints the diagram: a title, then per step the calls, the segments, and the states of both ends. */
    public void print(PrintStream out) {
        wrap("== " + title + " (127.0.0.1:" + serverPort + ")", WIDTH).forEach(out::println);
        String segmentsNote = capture.unavailable().map(why -> "segments: not shown, " + why)
                .orElse("segments: captured with tcpdump on lo; seq and ack relative to each side's first sequence"
                        + " number, absolute in brackets; win in bytes, scaled");
        wrap(segmentsNote, WIDTH - 3).forEach(line -> out.println("   " + line));
        out.println();
        row("#", clientName, serverName).forEach(out::println);
        Map<Integer, Long> firstSeq = new HashMap<>();
        Map<Integer, Integer> windowScale = new HashMap<>();
        for (Step step : steps) {
            row(Integer.toString(step.number()), step.client(), step.server()).forEach(out::println);
            for (Segment s : step.segments()) {
                firstSeq.putIfAbsent(s.fromPort(), s.seq());
                if (s.isSyn()) {
                    windowScale.put(s.fromPort(), s.windowScale());
                }
                out.println("    " + arrow(s) + describe(s, firstSeq) + " win " + window(s, windowScale));
            }
            row("", "  [" + step.clientShown() + "]", "  [" + step.serverShown() + "]").forEach(out::println);
        }
        out.println();
    }

    /**
     * One row of the diagram as printed lines: each cell wrapped to its column (a continuation indented two more
     * spaces), and no line with trailing spaces.
     */
    static List<String> row(String number, String client, String server) {
        List<String> left = wrap(client, CLIENT_COLUMNS);
        List<String> right = wrap(server, SERVER_COLUMNS);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String line = String.format("%-" + NUMBER_COLUMNS + "s %-" + CLIENT_COLUMNS + "s %s", i == 0 ? number : "",
                    i < left.size() ? left.get(i) : "", i < right.size() ? right.get(i) : "");
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    /** A cell's text in lines of at most {@code columns}, broken at spaces where it can; at least one line. */
    static List<String> wrap(String text, int columns) {
        String indent = text.substring(0, text.length() - text.stripLeading().length()) + "  ";
        List<String> lines = new ArrayList<>();
        String rest = text.stripTrailing();
        while (rest.length() > columns) {
            int at = rest.lastIndexOf(' ', columns);
            if (at <= indent.length()) {
                at = columns;
            }
            lines.add(rest.substring(0, at).stripTrailing());
            rest = indent + rest.substring(at).strip();
        }
        lines.add(rest);
        return lines;
    }

    private String arrow(Segment s) {
        return fromClient(s) ? "  ------------------>  " : "  <------------------  ";
    }

    private static String describe(Segment s, Map<Integer, Long> firstSeq) {
        long seq = (s.seq() - firstSeq.get(s.fromPort())) & 0xffffffffL;
        String text = String.format("%-4s seq %d [%d]", s.flags(), seq, s.seq());
        if (s.hasAck()) {
            Long peerFirst = firstSeq.get(s.toPort());
            String relative = peerFirst == null ? "?" : Long.toString((s.ack() - peerFirst) & 0xffffffffL);
            text += String.format(" ack %s [%d]", relative, s.ack());
        }
        return text + " len " + s.length();
    }

    /**
     * The window in bytes: the field shifted by the sender's scale from its SYN, when both SYNs carried the option
     * (RFC 7323); a SYN's own window is never scaled. tcpdump prints the raw field instead.
     */
    static long window(Segment s, Map<Integer, Integer> windowScale) {
        int own = windowScale.getOrDefault(s.fromPort(), Segment.NO_WINDOW_SCALE);
        int peer = windowScale.getOrDefault(s.toPort(), Segment.NO_WINDOW_SCALE);
        boolean scaled = !s.isSyn() && own != Segment.NO_WINDOW_SCALE && peer != Segment.NO_WINDOW_SCALE;
        return scaled ? (long) s.window() << Math.min(own, 14) : s.window();
    }

    /** Null when the platform cannot show a state that was expected, and the kernel showed another. */
    private TcpState known(TcpState observed, Set<TcpState> expected) {
        return hidden(observed, expected).isPresent() ? null : observed;
    }

    private Optional<String> hidden(TcpState observed, Set<TcpState> expected) {
        if (observed == null || expected.contains(observed)) {
            return Optional.empty();
        }
        return expected.stream().filter(e -> !probe.canShow(e)).findFirst().flatMap(probe::whyCannotShow);
    }

    private String show(TcpState observed, Set<TcpState> expected) {
        Optional<String> hidden = hidden(observed, expected);
        if (hidden.isPresent()) {
            return "unknown: " + hidden.get();
        }
        return observed == TcpState.CLOSED ? "CLOSED (gone)" : observed.name();
    }

    @Override
    public void close() throws IOException {
        capture.close();
    }
}
