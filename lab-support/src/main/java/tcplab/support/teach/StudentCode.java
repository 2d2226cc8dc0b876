package tcplab.support.teach;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Calls the student's code so that what can go wrong with it fails one test with a teaching message: a call that
 * blocks ({@link #bounded}, or {@link #start} then {@link #await}) fails after a bounded wait with a message that says
 * where it blocked, instead of running into the test's timeout; a call that runs out of memory ({@link #call}) fails
 * only its test.
 */
public final class StudentCode {

    /** How long a call may take in the labs' tests: the reference needs milliseconds, or a second under load. */
    public static final Duration WITHIN = Duration.ofSeconds(5);

    private static final Messages MSG = Messages.of(StudentCode.class);

    private StudentCode() {
    }

    /**
     * Returns what {@code call} returns, and rethrows what it throws, except running out of memory. JUnit treats an
     * {@link OutOfMemoryError} that reaches it as fatal and stops every test of the run; a length read from garbage
     * ({@code new byte[2_000_000_000]}) must not cost the other tests. {@code what} names the call.
     */
    public static <T> T call(String what, ThrowingSupplier<T> call) throws Throwable {
        try {
            return call.get();
        } catch (OutOfMemoryError e) {
            throw new AssertionFailedError(MSG.feedback("outOfMemory", what, e.getMessage()));
        }
    }

    /** Starts {@code call} on a daemon thread, so that the test can do something else while it runs. */
    public static <T> CompletableFuture<T> start(ThrowingSupplier<T> call) {
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
    public static <T> T await(CompletableFuture<T> call, String ifBlocked) throws Throwable {
        return await(call, WITHIN, ifBlocked);
    }

    /** {@link #await(CompletableFuture, String)}, for a call that may take longer than {@link #WITHIN}. */
    public static <T> T await(CompletableFuture<T> call, Duration within, String ifBlocked) throws Throwable {
        try {
            return call.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionFailedError(ifBlocked);
        }
    }

    /** {@link #start}, then {@link #await}: the call's result, or a failure with {@code ifBlocked} after a while. */
    public static <T> T bounded(String ifBlocked, ThrowingSupplier<T> call) throws Throwable {
        return await(start(call), ifBlocked);
    }

    /**
     * {@link #bounded} for a check that throws no checked exception, such as {@code assertThrows} around a call:
     * returns what it returns, or fails with its assertion, or with {@code ifBlocked} after {@link #WITHIN}.
     */
    public static <T> T boundedCheck(String ifBlocked, Supplier<T> check) {
        try {
            return bounded(ifBlocked, check::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // A Supplier throws nothing checked; the compiler cannot know that bounded() passes on only its throws.
            throw new IllegalStateException(checked);
        }
    }
}
