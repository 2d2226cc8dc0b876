package tcplab.support.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one module's recorded outcomes for the kit check, and fails the build on any breach.
 *
 * <ul>
 *   <li>a <b>starter</b>: every graded test fails with the kit's teaching message (expected / but / hint), and every
 *       {@link WarmUp} passes; a bare timeout or an exception from the tests' own code is not the right failure;</li>
 *   <li>a <b>solution</b>: every test passes.</li>
 * </ul>
 * A test skipped by an assumption (a platform that cannot show a state) is reported, not judged.
 *
 * <p>Usage: {@code KitVerdict starter|solution MODULE OUTCOMES_FILE}
 */
public final class KitVerdict {

    private KitVerdict() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: KitVerdict starter|solution MODULE OUTCOMES_FILE");
        }
        String role = args[0];
        String module = args[1];
        Path file = Path.of(args[2]);
        if (!Files.exists(file)) {
            throw new IllegalStateException("kit check: " + module + " recorded no test outcomes in " + file
                    + "; did its tests run?");
        }
        List<String> breaches = judge(role, module, read(file));
        if (!breaches.isEmpty()) {
            throw new IllegalStateException("kit check failed for " + module + " (" + role + "):\n  "
                    + String.join("\n  ", breaches));
        }
    }

    /** The last outcome of each test, in the order the tests were planned. */
    static Map<String, Outcome> read(Path file) throws IOException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                Outcome outcome = Outcome.parse(line);
                outcomes.put(outcome.test(), outcome);
            }
        }
        return outcomes;
    }

    /** Prints one line per test and returns the breaches of the role's rules. */
    static List<String> judge(String role, String module, Map<String, Outcome> outcomes) {
        boolean starter = switch (role) {
            case "starter" -> true;
            case "solution" -> false;
            default -> throw new IllegalArgumentException("role must be starter or solution, not " + role);
        };
        List<String> breaches = new ArrayList<>();
        int asExpected = 0;
        for (Outcome o : outcomes.values()) {
            String verdict = verdict(starter, o);
            if (verdict == null) {
                asExpected++;
            } else if (verdict.startsWith("skipped")) {
                System.out.println("[kit check] " + o.test() + ": " + verdict);
            } else {
                breaches.add(o.test() + ": " + verdict);
            }
        }
        System.out.printf("[kit check] %s (%s): %d of %d tests as expected%n",
                module, role, asExpected, outcomes.size());
        if (outcomes.isEmpty()) {
            breaches.add("no tests ran");
        }
        return breaches;
    }

    /** Null when the outcome is what the role requires; otherwise what is wrong with it. */
    private static String verdict(boolean starter, Outcome o) {
        switch (o.status()) {
            case "ABORTED", "SKIPPED":
                return "skipped (" + o.message() + ")";
            case Outcome.PLANNED:
                return "never finished; the test JVM may have crashed or been stopped by the fork timeout";
            case "SUCCESSFUL":
                if (starter && !o.warmUp()) {
                    return "passes on the untouched starter, so it cannot tell a finished task from an unfinished one;"
                            + " make it discriminate, or declare it @WarmUp";
                }
                return null;
            default:
                if (starter && o.warmUp()) {
                    return "is a @WarmUp but fails on the untouched starter: " + o.message();
                }
                if (!starter) {
                    return "fails on the reference solution: " + o.message();
                }
                if (!o.teaches()) {
                    return "fails on the untouched starter, but not with a teaching message (expected / but / hint);"
                            + " give its wait a bound of its own and a Feedback message: " + o.message();
                }
                return null;
        }
    }
}
