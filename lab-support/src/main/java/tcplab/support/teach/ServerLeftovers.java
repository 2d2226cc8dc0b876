package tcplab.support.teach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;

/**
 * What a server leaves behind once its clients are gone and it is closed: connections still in CLOSE_WAIT, threads,
 * and, on Linux, open file descriptors. Take the {@link #baseline()} before the server starts (after one warm-up
 * round, so that classes and jars the round loads are already open), then call {@link #assertNoneLeft}.
 * Threads and descriptors are counted for the whole JVM: a test that uses this runs {@code @Isolated}.
 */
public final class ServerLeftovers {

    private static final Path DESCRIPTORS = Path.of("/proc/self/fd");

    /** Threads that the test machinery starts and ends on its own; they are not the server's. */
    private static final List<String> MACHINERY = List.of("awaitility", "ForkJoinPool", "junit-", "surefire");

    private static final Messages MSG = Messages.of(ServerLeftovers.class);

    private final Set<Thread> threadsBefore;
    private final int descriptorsBefore;

    private ServerLeftovers(Set<Thread> threadsBefore, int descriptorsBefore) {
        this.threadsBefore = threadsBefore;
        this.descriptorsBefore = descriptorsBefore;
    }

    /** The JVM's live threads and open descriptors now. */
    public static ServerLeftovers baseline() {
        return new ServerLeftovers(Thread.getAllStackTraces().keySet(), descriptors());
    }

    /**
     * Waits until the server on {@code serverPort} holds no connection in CLOSE_WAIT, every thread started since the
     * baseline has ended, and no more descriptors are open than at the baseline; fails with what is left otherwise.
     */
    public void assertNoneLeft(TcpProbe probe, int serverPort, Duration within, String hint) {
        boolean showsCloseWait = probe.canShow(TcpState.CLOSE_WAIT);
        AtomicReference<Observation> last = new AtomicReference<>();
        TcpAssertions.awaitSteady(() -> {
            Observation now = new Observation(showsCloseWait ? probe.count(serverPort, TcpState.CLOSE_WAIT) : 0,
                    newThreads(), descriptors());
            last.set(now);
            return now.closeWait() == 0 && now.threads().isEmpty() && now.descriptors() <= descriptorsBefore;
        }, TcpAssertions.STEADY, within, () -> MSG.feedback(descriptorsBefore < 0 ? "noDescriptors" : "descriptors",
                last.get().closeWait(), last.get().threads().size(), last.get().threads(), last.get().descriptors(),
                descriptorsBefore, TcpAssertions.seconds(within), hint));
    }

    private List<String> newThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !threadsBefore.contains(thread))
                .map(Thread::getName)
                .filter(name -> MACHINERY.stream().noneMatch(name::startsWith))
                .sorted()
                .toList();
    }

    /** How many descriptors this JVM has open, or -1 where the platform does not list them. */
    private static int descriptors() {
        if (!Files.isDirectory(DESCRIPTORS)) {
            return -1;
        }
        try (Stream<Path> open = Files.list(DESCRIPTORS)) {
            // The listing holds one descriptor of its own while it runs.
            return (int) open.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Observation(long closeWait, List<String> threads, int descriptors) {
    }
}
