package tcplab.lab01;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard {@link TCPClient#connect} tries to open a connection.
 *
 * @param connectTimeout how long one attempt waits for the SYN-ACK before giving up on it
 * @param maxAttempts    how many attempts at most, the first one included
 * @param initialBackoff the pause before the second attempt; each later pause is twice the one before
 * @param totalTimeout   the time from the first attempt after which no further attempt starts
 * @param sleeper        how the client pauses between attempts; tests replace it to watch the pauses
 */
public record ConnectPolicy(
        Duration connectTimeout, int maxAttempts, Duration initialBackoff, Duration totalTimeout, Sleeper sleeper) {

    /** Two seconds per attempt, five attempts, 200 ms first pause, ten seconds in all. */
    public static final ConnectPolicy DEFAULT = new ConnectPolicy(
            Duration.ofSeconds(2), 5, Duration.ofMillis(200), Duration.ofSeconds(10), Sleeper.SYSTEM);

    public ConnectPolicy {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(sleeper, "sleeper");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: a zero timeout waits forever");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** Pauses the calling thread between connect attempts. */
    @FunctionalInterface
    public interface Sleeper {

        /** Really sleeps. */
        Sleeper SYSTEM = pause -> Thread.sleep(pause.toMillis());

        /** Pauses for {@code pause}. */
        void sleep(Duration pause) throws InterruptedException;
    }
}
