package tcplab.support.teach;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.opentest4j.AssertionFailedError;

/**
 * Waits on an observed value and, when the wait fails, reports the last unwanted value it observed: the message and
 * the verdict come from the same reading of the kernel's table, so they cannot contradict each other.
 */
public final class LastSeen {

    private LastSeen() {
    }

    /**
     * Polls {@code observe} until {@code wanted} holds for its value and keeps holding for {@code holdFor}, and
     * returns that value; or fails after {@code within} with {@code message} applied to the last value observed for
     * which {@code wanted} did not hold.
     */
    public static <T> T await(Supplier<T> observe, Predicate<T> wanted, Duration holdFor, Duration within,
                              Function<T, String> message) {
        AtomicReference<T> last = new AtomicReference<>();
        // The last reading that was not wanted: when the wait ends just as a wanted value appears, before it has
        // held for holdFor, that reading is the one that made the wait fail.
        AtomicReference<T> lastUnwanted = new AtomicReference<>();
        try {
            // Awaitility would fail this wait on any thread's uncaught exception, another test class's included.
            Awaitility.await()
                    .dontCatchUncaughtExceptions()
                    .atMost(within.plus(holdFor))
                    .during(holdFor)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(TcpAssertions.POLL)
                    .until(() -> {
                        T value = observe.get();
                        last.set(value);
                        boolean ok = wanted.test(value);
                        if (!ok) {
                            lastUnwanted.set(value);
                        }
                        return ok;
                    });
        } catch (ConditionTimeoutException e) {
            T seen = lastUnwanted.get() != null ? lastUnwanted.get() : last.get();
            throw new AssertionFailedError(message.apply(seen));
        }
        return last.get();
    }

    /** {@link #await} with no hold: the first value for which {@code wanted} holds. */
    public static <T> T awaitFirst(Supplier<T> observe, Predicate<T> wanted, Duration within,
                                   Function<T, String> message) {
        return await(observe, wanted, Duration.ZERO, within, message);
    }
}
