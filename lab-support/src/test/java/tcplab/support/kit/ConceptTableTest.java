package tcplab.support.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Everything that the concept table (docs/concepts.md) names exists: each test, handout section and trace scenario. */
class ConceptTableTest {

    private static final Path ROOT = KitTree.ROOT;
    private static final Pattern TEST = Pattern.compile("`(\\w+)#(\\w+)`");
    private static final Pattern SECTION = Pattern.compile("lab (\\d\\d), \"([^\"]+)\"");
    private static final Pattern SCENARIO = Pattern.compile("lab (\\d\\d) `([\\w-]+)`");

    private final String table = read(ROOT.resolve("docs/concepts.md"));

    @Test
    void everyTestNamedInTheTableExists() {
        List<String> missing = new ArrayList<>();
        Matcher m = TEST.matcher(table);
        int named = 0;
        while (m.find()) {
            named++;
            String method = "void " + m.group(2) + "(";
            if (testSources(m.group(1)).noneMatch(source -> source.contains(method))) {
                missing.add(m.group(1) + "#" + m.group(2));
            }
        }
        assertTrue(named > 20, "the table names only " + named + " tests");
        assertEquals(List.of(), missing, "tests named in docs/concepts.md that do not exist");
    }

    @Test
    void everyHandoutSectionNamedInTheTableExists() {
        List<String> missing = new ArrayList<>();
        Matcher m = SECTION.matcher(table);
        while (m.find()) {
            String heading = m.group(2);
            boolean found = read(lab(m.group(1)).resolve("README.md")).lines()
                    .anyMatch(line -> line.matches("#+ .*") && line.replaceFirst("#+ ", "").equals(heading));
            if (!found) {
                missing.add("lab " + m.group(1) + ", \"" + heading + "\"");
            }
        }
        assertEquals(List.of(), missing, "handout sections named in docs/concepts.md that do not exist");
    }

    @Test
    void everyTraceScenarioNamedInTheTableExists() {
        List<String> missing = new ArrayList<>();
        Matcher m = SCENARIO.matcher(table);
        while (m.find()) {
            String quoted = "\"" + m.group(2) + "\"";
            if (traceSources(lab(m.group(1))).noneMatch(source -> source.contains(quoted))) {
                missing.add("lab " + m.group(1) + " " + m.group(2));
            }
        }
        assertEquals(List.of(), missing, "trace scenarios named in docs/concepts.md that do not exist");
    }

    private static Path lab(String number) {
        try (Stream<Path> labs = Files.list(ROOT)) {
            return labs.filter(p -> p.getFileName().toString().startsWith("lab-" + number + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no folder lab-" + number + "-* in " + ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sources of every test class of that name: two labs may each have one. */
    private static Stream<String> testSources(String className) {
        return KitTree.files(p -> p.toString().contains("/src/test/java/")
                && p.getFileName().toString().equals(className + ".java")).stream().map(ConceptTableTest::read);
    }

    private static Stream<String> traceSources(Path lab) {
        try (Stream<Path> files = Files.walk(lab.resolve("src/test/java"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("Trace.java")).map(ConceptTableTest::read)
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
