package tcplab.support.teach;

import java.util.regex.Pattern;

/**
 * Builds failure messages that teach: what was expected, what happened, and a hint.
 *
 * <p>{@code Feedback.expected("the server to echo each line").but("it answered \"Hello Client\"")
 * .hint("Does handle() write back the line it read?")}
 */
public final class Feedback {

    /** What {@link #hint} renders, with something in each of the three parts. */
    private static final Pattern TEACHING = Pattern.compile("expected \\S.*?, but \\S.*?\\. \\S.*", Pattern.DOTALL);

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

    /**
     * Whether {@code message} is one that this class built: expected, but and a hint, each with something in it.
     * Assertions append their own details after it ({@code ==> expected: <1> but was: <2>}), which is fine.
     */
    public static boolean teaches(String message) {
        return message != null && TEACHING.matcher(message.strip()).matches();
    }

    /** The second step: what happened instead. */
    @FunctionalInterface
    public interface Builder {
        Feedback but(String actual);
    }
}
