package tcplab.lab04;

import java.io.IOException;

/** A request that got no complete reply, with the reason and the number of attempts made. */
public final class RequestFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final int attempts;

    public RequestFailedException(Failure failure, int attempts, String message, Throwable cause) {
        super(failure + " after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + message, cause);
        this.failure = failure;
        this.attempts = attempts;
    }

    /** Why the request failed. */
    public Failure failure() {
        return failure;
    }

    /** How many connections were tried. */
    public int attempts() {
        return attempts;
    }
}
