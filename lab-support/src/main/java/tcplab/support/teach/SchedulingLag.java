package tcplab.support.teach;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures, while a timed scenario runs, how late this machine wakes a sleeping thread: the slack that a check of a
 * timeout, a deadline or a backoff must allow on a loaded laptop. A thread sleeps 10 ms at a time beside the
 * scenario and keeps the worst overshoot; {@link #worst()} reads it.
 *
 * <pre>{@code
 * try (SchedulingLag lag = SchedulingLag.start()) {
 *     ... the timed scenario ...
 *     assertTrue(millis < expected + margin + lag.worst().toMillis(), ...);
 * }
 * }</pre>
 */
public final class SchedulingLag implements AutoCloseable {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AtomicLong worstNanos = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private SchedulingLag() {
        sampler = new Thread(this::sample, "scheduling-lag");
        sampler.setDaemon(true);
    }

    /** Starts measuring; close it when the scenario is over. */
    public static SchedulingLag start() {
        SchedulingLag lag = new SchedulingLag();
        lag.sampler.start();
        return lag;
    }

    private void sample() {
        while (running) {
            long before = System.nanoTime();
            try {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(TICK_NANOS));
            } catch (InterruptedException e) {
                return;
            }
            long late = System.nanoTime() - before - TICK_NANOS;
            worstNanos.accumulateAndGet(late, Math::max);
        }
    }

    /**
     * The slack for a scenario whose timing goes through {@code wakeups} thread wake-ups in series (a timeout that
     * fires, a thread that is handed the result, ...): each may be as late as the worst overshoot seen.
     */
    public long millisFor(int wakeups) {
        return wakeups * worst().toMillis();
    }

    /** The worst overshoot seen so far. */
    public Duration worst() {
        return Duration.ofNanos(worstNanos.get());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
