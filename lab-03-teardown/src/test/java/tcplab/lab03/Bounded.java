package tcplab.lab03;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Calls the student's code on a daemon thread and waits a bounded time for it, so that a call that blocks fails
 * with a message that says where it blocked instead of running into the test's timeout.
 */
final class Bounded {

    /** How long a call may take in these tests: the reference needs milliseconds, or a second under load. */
    static final Duration WITHIN = Duration.ofSeconds(5);

    private Bounded() {
    }

    /** Starts {@code call} on a daemon thread. */
    static <T> CompletableFuture<T> start(ThrowingSupplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "student-call");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * Returns what the call returned, throws what it threw, or fails with {@code ifBlocked} if it is still running
     * after {@link #WITHIN}.
     */
    static <T> T await(CompletableFuture<T> call, String ifBlocked) throws Throwable {
        return await(call, WITHIN, ifBlocked);
    }

    /** {@link #await(CompletableFuture, String)}, for a call that may take longer than {@link #WITHIN}. */
    static <T> T await(CompletableFuture<T> call, Duration within, String ifBlocked) throws Throwable {
        try {
            return call.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionFailedError(ifBlocked);
        }
    }

    /** {@link #start}, then {@link #await}. */
    static <T> T call(String ifBlocked, ThrowingSupplier<T> call) throws Throwable {
        return await(start(call), ifBlocked);
    }
}
