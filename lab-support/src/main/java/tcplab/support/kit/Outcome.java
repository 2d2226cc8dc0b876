package tcplab.support.kit;

import java.util.List;

/**
 * One test's result, as one tab-separated line of the outcomes file.
 *
 * @param test    {@code ClassName#method}
 * @param warmUp  whether the test is declared a {@link WarmUp}
 * @param status  SUCCESSFUL, FAILED, ABORTED (skipped by an assumption) or SKIPPED (disabled)
 * @param teaches whether a failure came with the kit's teaching message (expected / but / hint)
 * @param message the first line of the failure or skip reason, or empty; a failure that does not teach is
 *                prefixed with its exception's class
 */
public record Outcome(String test, boolean warmUp, String status, boolean teaches, String message) {

    static final String PLANNED = "PLANNED";
    private static final String TEACHING = "teaching";

    /** An outcome with no failure to judge: passed, skipped or planned. */
    static Outcome of(String test, boolean warmUp, String status, String message) {
        return new Outcome(test, warmUp, status, false, message);
    }

    /** The line written to the outcomes file. */
    String toLine() {
        return String.join("\t", test, warmUp ? WarmUp.TAG : "graded", status, teaches ? TEACHING : "plain",
                clean(message)) + "\n";
    }

    /** Parses a line written by {@link #toLine()}. */
    static Outcome parse(String line) {
        List<String> fields = List.of(line.split("\t", 5));
        return new Outcome(fields.get(0), fields.get(1).equals(WarmUp.TAG), fields.get(2),
                fields.get(3).equals(TEACHING), fields.size() > 4 ? fields.get(4) : "");
    }

    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        return firstLine.replace('\t', ' ');
    }
}
