package tcplab.support.kit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The points that the instructors' guide quotes are the ones that lab-parent's POM and the hidden tests declare. */
class KitFiguresTest {

    private static final Path ROOT = KitTree.ROOT;
    private static final List<String> LABS = List.of("lab-01-handshake", "lab-02-data-transfer", "lab-03-teardown",
            "lab-04-failure-modes");
    /** A lab's total, in its profile of lab-parent/pom.xml, for its starter and solution alike. */
    private static final String DECLARED = "<id>lab-%02d</id>.*?<kit\\.lab\\.points>(\\d+)</kit\\.lab\\.points>";
    private static final Pattern HIDDEN_POINTS = Pattern.compile("@Points\\(value = (\\d+)");

    /** The guide, with its line breaks made spaces, so that a figure may sit at the end of a line. */
    private String guide;

    @BeforeEach
    void onlyInTheKit() {
        Path guideFile = ROOT.resolve("grading/README.md");
        assumeTrue(Files.isDirectory(ROOT.resolve("solutions")) && Files.isDirectory(ROOT.resolve("grading/hidden"))
                && Files.exists(guideFile), "the student copy has neither the instructors' guide nor the solutions and"
                + " hidden tests that its figures count");
        guide = read(guideFile).replaceAll("\\s+", " ");
    }

    @Test
    void guideQuotesEachLabsDeclaredTotal() {
        StringBuilder expected = new StringBuilder("Current totals: ");
        int sum = 0;
        for (int i = 0; i < LABS.size(); i++) {
            int points = declared(i + 1);
            expected.append(String.format("Lab %02d %d, ", i + 1, points));
            sum += points;
        }
        expected.append(sum).append(" in all");
        assertTrue(guide.contains(expected), "grading/README.md should say \"" + expected + "\"");
    }

    @Test
    void guideQuotesBothMaxima() throws IOException {
        int visible = IntStream.rangeClosed(1, LABS.size()).map(KitFiguresTest::declared).sum();
        int hidden;
        try (Stream<Path> files = Files.walk(ROOT.resolve("grading/hidden"))) {
            hidden = files.filter(f -> f.toString().endsWith(".java")).map(KitFiguresTest::read)
                    .flatMap(source -> HIDDEN_POINTS.matcher(source).results())
                    .mapToInt(m -> Integer.parseInt(m.group(1))).sum();
        }
        String gradescope = "its maximum is " + (visible + hidden) + " (" + visible + " visible points and the "
                + hidden;
        String classroom = "its maximum is " + visible + ".";
        assertTrue(guide.contains(gradescope), "grading/README.md should say \"" + gradescope + "\"");
        assertTrue(guide.contains(classroom), "grading/README.md should say \"" + classroom + "\"");
    }

    private static int declared(int lab) {
        Matcher m = Pattern.compile(String.format(DECLARED, lab), Pattern.DOTALL)
                .matcher(read(ROOT.resolve("lab-parent/pom.xml")));
        assertTrue(m.find(), String.format("lab-parent/pom.xml declares no kit.lab.points for lab %02d", lab));
        return Integer.parseInt(m.group(1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
