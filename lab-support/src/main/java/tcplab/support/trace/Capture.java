package tcplab.support.trace;

import io.pkts.Pcap;
import io.pkts.packet.Packet;
import io.pkts.packet.TCPPacket;
import io.pkts.protocol.Protocol;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The segments of one loopback port, captured by {@code tcpdump} where it is installed and permitted (Linux, root or
 * CAP_NET_RAW) and read back with pkts. Where it is not possible, {@link #unavailable()} says why in one line.
 */
public final class Capture implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(1);
    private static final int STARTS = 3;
    private static final String NOT_READY = "tcpdump did not start listening";
    private static final Duration QUIET = Duration.ofMillis(150);

    private final Process tcpdump;
    private final Path file;
    private final String unavailable;

    private Capture(Process tcpdump, Path file, String unavailable) {
        this.tcpdump = tcpdump;
        this.file = file;
        this.unavailable = unavailable;
    }

    /** Starts capturing the TCP segments to and from {@code port} on the loopback interface, if it can. */
    public static Capture start(int port) {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return new Capture(null, null, "segments are captured on Linux only (tcpdump on the interface lo)");
        }
        Optional<Path> binary = find("tcpdump");
        if (binary.isEmpty()) {
            return new Capture(null, null, "tcpdump is not installed (apt-get install tcpdump)");
        }
        String problem = null;
        // Now and then (about one start in fifteen here) tcpdump's "listening on" never reaches us although it
        // captures; a fresh start is cheaper than waiting.
        for (int attempt = 1; attempt <= STARTS; attempt++) {
            try {
                Path file = Files.createTempFile("tcplab-trace-", ".pcap");
                // Immediate mode hands each packet over at once (not in blocks), and -U writes it at once.
                Process process = new ProcessBuilder(binary.get().toString(), "-i", "lo", "-n", "--immediate-mode",
                        "-U", "-s", "128", "-w", file.toString(), "tcp port " + port).start();
                problem = awaitListening(process);
                if (problem == null) {
                    return new Capture(process, file, null);
                }
                process.destroyForcibly();
                Files.deleteIfExists(file);
                if (!problem.startsWith(NOT_READY)) {
                    break;
                }
            } catch (IOException e) {
                return new Capture(null, null, "tcpdump could not start: " + e.getMessage());
            }
        }
        return new Capture(null, null, problem);
    }

    /** Null when tcpdump reports that it listens; otherwise its complaint, such as a missing permission. */
    private static String awaitListening(Process process) {
        CompletableFuture<String> ready = Trace.inBackground("tcpdump-ready", () -> {
            BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            try {
                String first = null;
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.contains("listening on")) {
                        drainInBackground(err);
                        return null;
                    }
                    first = first == null ? line : first;
                }
                return "tcpdump cannot capture: " + (first == null ? "it exited" : first);
            } catch (IOException e) {
                return "tcpdump cannot capture: " + e.getMessage();
            }
        });
        try {
            return ready.get(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return NOT_READY + " within " + READY_WITHIN.toSeconds() + " s, " + STARTS + " times";
        } catch (Exception e) {
            return "tcpdump cannot capture: " + e;
        }
    }

    /** tcpdump reports on stderr when it stops; reading it keeps the pipe from filling up. */
    private static void drainInBackground(BufferedReader err) {
        Thread drain = new Thread(() -> {
            try (err) {
                while (err.readLine() != null) {
                    // only drained
                }
            } catch (IOException e) {
                // tcpdump ended
            }
        }, "tcpdump-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    private static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable)
                .findFirst();
    }

    /** Why no segments are captured, or empty if they are. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /**
     * Stops the capture once the file has been quiet for a moment, and returns the segments in the order they were
     * captured; an empty list when capturing was not possible. The file stays until {@link #close()}.
     */
    public List<Segment> stop() throws IOException {
        if (tcpdump == null) {
            return List.of();
        }
        awaitQuiet();
        // tcpdump in immediate mode notices SIGTERM only with its next packet; -U has written every packet
        // already, so after a short wait it is killed.
        tcpdump.destroy();
        try {
            if (!tcpdump.waitFor(300, TimeUnit.MILLISECONDS)) {
                tcpdump.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return read(file);
    }

    /** The capture file, while there is one: after {@link #stop()} and before {@link #close()}. */
    Optional<Path> file() {
        return Optional.ofNullable(file).filter(Files::exists);
    }

    /** Waits until the capture file stops growing: tcpdump -U writes each packet as it comes. */
    private void awaitQuiet() {
        AtomicLong last = new AtomicLong(-1);
        try {
            Awaitility.await().pollInterval(QUIET).atMost(Duration.ofSeconds(3)).until(() -> {
                long size = Files.size(file);
                return size == last.getAndSet(size);
            });
        } catch (ConditionTimeoutException e) {
            // still growing after 3 s: read what is there
        }
    }

    /** The TCP segments of a pcap file, in order. */
    public static List<Segment> read(Path pcapFile) throws IOException {
        List<Segment> segments = new ArrayList<>();
        Pcap pcap = Pcap.openStream(pcapFile.toFile());
        try {
            pcap.loop(packet -> {
                if (packet.hasProtocol(Protocol.TCP)) {
                    segments.add(segment(packet, (TCPPacket) packet.getPacket(Protocol.TCP)));
                }
                return true;
            });
        } catch (io.pkts.framer.FramingException e) {
            throw new IOException("cannot read the capture: " + e.getMessage(), e);
        } finally {
            pcap.close();
        }
        return segments;
    }

    private static Segment segment(Packet packet, TCPPacket tcp) {
        StringBuilder flags = new StringBuilder();
        if (tcp.isSYN()) {
            flags.append('S');
        }
        if (tcp.isFIN()) {
            flags.append('F');
        }
        if (tcp.isRST()) {
            flags.append('R');
        }
        if (tcp.isPSH()) {
            flags.append('P');
        }
        if (tcp.isACK()) {
            flags.append('.');
        }
        // The capture keeps 128 bytes of each packet; the payload's length comes from the headers instead.
        int length = tcp.getParentPacket().getTotalIPLength() - tcp.getParentPacket().getHeaderLength()
                - tcp.getHeaderLength();
        return new Segment(packet.getArrivalTime(), tcp.getSourcePort(), tcp.getDestinationPort(), flags.toString(),
                tcp.getSequenceNumber(), tcp.getAcknowledgementNumber(), length, tcp.getWindowSize(),
                windowScale(tcp));
    }

    /** The shift count of the window scale option (kind 3, RFC 7323), or none; the library does not parse options. */
    private static int windowScale(TCPPacket tcp) {
        byte[] header = tcp.getParentPacket().getPayload().getArray();
        int end = Math.min(tcp.getHeaderLength(), header.length);
        for (int i = 20; i < end; ) {
            int kind = header[i] & 0xff;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            int length = i + 1 < end ? header[i + 1] & 0xff : 0;
            if (length < 2) {
                break;
            }
            if (kind == 3 && length == 3 && i + 2 < end) {
                return header[i + 2] & 0xff;
            }
            i += length;
        }
        return Segment.NO_WINDOW_SCALE;
    }

    @Override
    public void close() throws IOException {
        if (tcpdump != null && tcpdump.isAlive()) {
            tcpdump.destroyForcibly();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
