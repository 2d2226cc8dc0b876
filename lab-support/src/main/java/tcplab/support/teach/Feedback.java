package tcplab.support.teach;

import java.util.regex.Pattern;

/**
 * Builds failure messages that teach: what was expected, what happened, and a hint. Tests take their text from
 * their lab's catalogue ({@link Messages#feedback}); this class renders it in the chosen language ({@link Lang}):
 * {@code expected X, but Y. HINT}, or {@code 기대: X. 실제: Y. 힌트: HINT}.
 */
public final class Feedback {

    /** What {@link #hint} renders in English, with something in each of the three parts. */
    private static final Pattern TEACHING = Pattern.compile("expected \\S.*?, but \\S.*?\\. \\S.*", Pattern.DOTALL);

    /** What {@link #hint} renders in Korean. */
    private static final Pattern TEACHING_KO =
            Pattern.compile("기대: \\S.*?\\. 실제: \\S.*?\\. 힌트: \\S.*", Pattern.DOTALL);

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
        return switch (Lang.current()) {
            case EN -> "expected " + expected + ", but " + actual + ". " + hint;
            case KO -> "기대: " + expected + ". 실제: " + actual + ". 힌트: " + hint;
        };
    }

    /**
     * Whether {@code message} is one that this class built, in either language: expected, but and a hint, each with
     * something in it. Assertions append their own details after it ({@code ==> expected: <1> but was: <2>}),
     * which is fine.
     */
    public static boolean teaches(String message) {
        if (message == null) {
            return false;
        }
        String text = message.strip();
        return TEACHING.matcher(text).matches() || TEACHING_KO.matcher(text).matches();
    }

    /** The second step: what happened instead. */
    @FunctionalInterface
    public interface Builder {
        Feedback but(String actual);
    }
}
