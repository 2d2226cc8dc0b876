package tcplab.support.teach;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;
import tcplab.support.net.FullBacklog;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;

/** Waits on the kernel's TCP table and fails with a message that teaches. */
public final class TcpAssertions {

    /** How often conditions are polled. */
    public static final Duration POLL = Duration.ofMillis(20);

    /**
     * How long an absence must last before it counts. A reading of the kernel's table taken while a connection
     * changes state (FIN_WAIT_2 to TIME_WAIT, say) can miss that connection for an instant.
     */
    public static final Duration STEADY = Duration.ofMillis(100);

    private static final Messages MSG = Messages.of(TcpAssertions.class);

    private TcpAssertions() {
    }

    /** Skips the calling test, with the probe's reason, where the platform cannot show {@code state}. */
    public static void assumeCanShow(TcpProbe probe, TcpState state) {
        probe.whyCannotShow(state).ifPresent(Assumptions::abort);
    }

    /** Opens a {@link FullBacklog}; skips the calling test where the platform cannot stage one. */
    public static FullBacklog fullBacklog() throws IOException {
        return FullBacklog.tryOpen().orElseGet(() -> Assumptions.abort(
                "this platform does not drop SYNs to a full backlog (Linux does), so a timed-out connect cannot be staged"));
    }

    /**
     * Waits until the end with local port {@code localPort} talking to {@code remotePort} is in {@code expected}.
     * Skips the test where the platform cannot show that state.
     */
    public static void awaitState(TcpProbe probe, int localPort, int remotePort, TcpState expected,
                                  Duration within, String whose, String hint) {
        TcpAssertions.assumeCanShow(probe, expected);
        String endpoint = "127.0.0.1:" + localPort + " -> :" + remotePort;
        Duration holdFor = expected == TcpState.CLOSED ? STEADY : Duration.ZERO;
        // The message reports the last state the wait saw; a fresh reading could differ and contradict it.
        AtomicReference<TcpState> seen = new AtomicReference<>(TcpState.UNKNOWN);
        awaitSteady(() -> {
            seen.set(probe.stateOf(localPort, remotePort));
            return seen.get() == expected;
        }, holdFor, within, () -> MSG.feedback("awaitState", whose, endpoint, expected, seen.get(), seconds(within),
                hint));
    }

    /** Waits until something listens on {@code port}, and returns the kernel's row for it. */
    public static TcpConnection awaitListener(TcpProbe probe, int port, Duration within, String hint) {
        TcpAssertions.assumeCanShow(probe, TcpState.LISTEN);
        awaitCondition(() -> probe.listener(port).isPresent(), within,
                () -> MSG.feedback("awaitListener", port, seconds(within), hint));
        return probe.listener(port).orElseThrow();
    }

    /**
     * Polls {@code condition} with Awaitility until it holds, or fails with {@code message} after {@code within}.
     */
    public static void awaitCondition(BooleanSupplier condition, Duration within, Supplier<String> message) {
        awaitSteady(condition, Duration.ZERO, within, message);
    }

    /**
     * Waits until {@code condition} holds and keeps holding for {@code holdFor}, or fails with {@code message}
     * after {@code within}. Use it with {@link #STEADY} for an absence: no connection in CLOSE_WAIT, an end gone.
     */
    public static void awaitSteady(BooleanSupplier condition, Duration holdFor, Duration within,
                                   Supplier<String> message) {
        try {
            // Awaitility would fail this wait on any thread's uncaught exception, another test class's included.
            Awaitility.await()
                    .dontCatchUncaughtExceptions()
                    .atMost(within.plus(holdFor))
                    .during(holdFor)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionFailedError(message.get());
        }
    }

    /** {@code 2 s}, {@code 0.5 s}. */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
