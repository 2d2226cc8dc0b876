package tcplab.support.kit;

import java.util.List;

/**
 * One test's result, as one tab-separated line of the outcomes file.
 *
 * @param test    {@code ClassName#method}
 * @param warmUp  whether the test is declared a {@link WarmUp}
 * @param status  SUCCESSFUL, FAILED, ABORTED (skipped by an assumption) or SKIPPED (disabled)
 * @param message the first line of the failure or skip reason, or empty
 */
public record Outcome(String test, boolean warmUp, String status, String message) {

    static final String PLANNED = "PLANNED";

    /** The line written to the outcomes file. */
    String toLine() {
        return String.join("\t", test, warmUp ? WarmUp.TAG : "graded", status, clean(message)) + "\n";
    }

    /** Parses a line written by {@link #toLine()}. */
    static Outcome parse(String line) {
        List<String> fields = List.of(line.split("\t", 4));
        return new Outcome(fields.get(0), fields.get(1).equals(WarmUp.TAG), fields.get(2),
                fields.size() > 3 ? fields.get(3) : "");
    }

    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        return firstLine.replace('\t', ' ');
    }
}
