package tcplab.support.teach;

/**
 * Builds failure messages that teach: what was expected, what happened, and a hint.
 *
 * <p>{@code Feedback.expected("the server to echo each line").but("it answered \"Hello Client\"")
 * .hint("Does handle() write back the line it read?")}
 */
public final class Feedback {

    private final String expected;
    private final String actual;

    private Feedback(String expected, String actual) {
        this.expected = expected;
        this.actual = actual;
    }

    /** Starts a message with what the test expected. */
    public static Builder expected(String expected) {
        return actual -> new Feedback(expected, actual);
    }

    /** Ends the message with a question or tip that points at the likely cause. */
    public String hint(String hint) {
        return "expected " + expected + ", but " + actual + ". " + hint;
    }

    /** The second step: what happened instead. */
    @FunctionalInterface
    public interface Builder {
        Feedback but(String actual);
    }
}
