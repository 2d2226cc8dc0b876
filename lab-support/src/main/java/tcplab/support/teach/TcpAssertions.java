package tcplab.support.teach;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.opentest4j.AssertionFailedError;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;

/** Waits on the kernel's TCP table and fails with a message that teaches. */
public final class TcpAssertions {

    /** How often conditions are polled. */
    public static final Duration POLL = Duration.ofMillis(20);

    private TcpAssertions() {
    }

    /**
     * Waits until the end with local port {@code localPort} talking to {@code remotePort} is in {@code expected}.
     * Skips the test where the platform cannot show that state.
     */
    public static void awaitState(TcpProbe probe, int localPort, int remotePort, TcpState expected,
                                  Duration within, String whose, String hint) {
        probe.assumeCanShow(expected);
        String endpoint = "127.0.0.1:" + localPort + " -> :" + remotePort;
        awaitCondition(() -> probe.stateOf(localPort, remotePort) == expected, within,
                () -> Feedback.expected(whose + " (" + endpoint + ") to be in " + expected)
                        .but("it is still " + probe.stateOf(localPort, remotePort) + " after " + seconds(within))
                        .hint(hint));
    }

    /** Waits until something listens on {@code port}, and returns the kernel's row for it. */
    public static TcpConnection awaitListener(TcpProbe probe, int port, Duration within, String hint) {
        probe.assumeCanShow(TcpState.LISTEN);
        awaitCondition(() -> probe.listener(port).isPresent(), within,
                () -> Feedback.expected("the kernel to show LISTEN on port " + port)
                        .but("nothing listens there after " + seconds(within))
                        .hint(hint));
        return probe.listener(port).orElseThrow();
    }

    /**
     * Polls {@code condition} with Awaitility until it holds, or fails with {@code message} after {@code within}.
     */
    public static void awaitCondition(BooleanSupplier condition, Duration within, Supplier<String> message) {
        try {
            Awaitility.await()
                    .atMost(within)
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
