package tcplab.support.teach;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import tcplab.support.probe.OpenSockets;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;

/**
 * What a server leaves behind once its clients are gone and it is closed: connections still in CLOSE_WAIT, threads,
 * and, on Linux, sockets still open. Take the {@link #baseline()} before the server starts, then call
 * {@link #assertNoneLeft}. Threads and sockets are those of the whole JVM: a test that uses this runs
 * {@code @Isolated}.
 */
public final class ServerLeftovers {

    /** Threads that the test machinery starts and ends on its own; they are not the server's. */
    private static final List<String> MACHINERY = List.of("awaitility", "ForkJoinPool", "junit-", "surefire");

    private static final Messages MSG = Messages.of(ServerLeftovers.class);

    private final Set<Thread> threadsBefore;
    /** Null where the platform does not list a process's sockets. */
    private final OpenSockets socketsBefore;

    private ServerLeftovers(Set<Thread> threadsBefore, OpenSockets socketsBefore) {
        this.threadsBefore = threadsBefore;
        this.socketsBefore = socketsBefore;
    }

    /** The JVM's live threads and open sockets now. */
    public static ServerLeftovers baseline() {
        return new ServerLeftovers(Thread.getAllStackTraces().keySet(),
                OpenSockets.canList() ? OpenSockets.now() : null);
    }

    /**
     * Waits until the server on {@code serverPort} holds no connection in CLOSE_WAIT, every thread started since the
     * baseline has ended, and every socket opened since the baseline is closed; fails with what is left otherwise.
     */
    public void assertNoneLeft(TcpProbe probe, int serverPort, Duration within, String hint) {
        boolean showsCloseWait = probe.canShow(TcpState.CLOSE_WAIT);
        AtomicReference<Observation> last = new AtomicReference<>();
        TcpAssertions.awaitSteady(() -> {
            Observation now = new Observation(showsCloseWait ? probe.count(serverPort, TcpState.CLOSE_WAIT) : 0,
                    newThreads(), socketsBefore == null ? 0 : OpenSockets.since(socketsBefore).size());
            last.set(now);
            return now.closeWait() == 0 && now.threads().isEmpty() && now.sockets() == 0;
        }, TcpAssertions.STEADY, within, () -> MSG.feedback(socketsBefore == null ? "noSockets" : "sockets",
                last.get().closeWait(), last.get().threads().size(), last.get().threads(), last.get().sockets(),
                TcpAssertions.seconds(within), hint));
    }

    private List<String> newThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !threadsBefore.contains(thread))
                .map(Thread::getName)
                .filter(name -> MACHINERY.stream().noneMatch(name::startsWith))
                .sorted()
                .toList();
    }

    private record Observation(long closeWait, List<String> threads, int sockets) {
    }
}
