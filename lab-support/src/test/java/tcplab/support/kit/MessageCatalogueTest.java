package tcplab.support.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tcplab.support.teach.Messages;

/**
 * The message catalogues of the whole kit (every {@code messages.properties} beside the labs' tests, the teaching
 * layer and the grader) are complete in both languages, and every test takes its messages from them.
 */
@KitOnly
class MessageCatalogueTest {

    private static final Path ROOT = KitTree.ROOT;
    private static final String ENGLISH = Messages.BUNDLE + ".properties";
    private static final String KOREAN = Messages.BUNDLE + "_ko.properties";
    /** {@code MSG.feedback("topic"} or {@code MSG.text("key"}: a key named in a source. */
    private static final Pattern USE = Pattern.compile("MSG\\s*\\.\\s*(feedback|text)\\(\\s*\"([^\"]+)\"");
    /** A Feedback built in place, from inline text, instead of from the catalogue. */
    private static final Pattern INLINE_FEEDBACK = Pattern.compile("Feedback\\s*\\.\\s*expected\\s*\\(");
    private static final Pattern HANGUL = Pattern.compile("\\p{IsHangul}");
    private static final Pattern WORD = Pattern.compile("\\p{Ll}{2,}");

    @Test
    void everyCatalogueHasAKoreanEditionWithTheSameKeysAndPlaceholders() {
        List<Path> catalogues = files(ENGLISH);
        assertTrue(catalogues.size() >= 6, "only " + catalogues.size() + " catalogues found under " + ROOT);
        List<String> problems = new ArrayList<>();
        for (Path english : catalogues) {
            Path korean = english.resolveSibling(KOREAN);
            if (!Files.exists(korean)) {
                problems.add(ROOT.relativize(english) + " has no " + KOREAN);
                continue;
            }
            Properties en = load(english);
            Properties ko = load(korean);
            Set<String> keys = new TreeSet<>(en.stringPropertyNames());
            keys.addAll(ko.stringPropertyNames());
            for (String key : keys) {
                String where = ROOT.relativize(english.getParent()) + ": " + key;
                if (!en.containsKey(key) || !ko.containsKey(key)) {
                    problems.add(where + " is only in the " + (en.containsKey(key) ? "English" : "Korean") + " one");
                } else if (!placeholders(en.getProperty(key)).equals(placeholders(ko.getProperty(key)))) {
                    problems.add(where + " has placeholders " + placeholders(en.getProperty(key)) + " in English but "
                            + placeholders(ko.getProperty(key)) + " in Korean");
                } else if (needsKorean(en.getProperty(key)) && !HANGUL.matcher(ko.getProperty(key)).find()) {
                    problems.add(where + " is not Korean: " + ko.getProperty(key));
                }
            }
        }
        assertEquals(List.of(), problems, "catalogues whose two languages differ");
    }

    @Test
    void everyKeyASourceNamesIsInItsCatalogue() {
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (Path source : sources()) {
            Properties catalogue = catalogueOf(source);
            String prefix = source.getFileName().toString().replace(".java", "") + ".";
            Matcher m = USE.matcher(read(source));
            while (m.find()) {
                named++;
                List<String> keys = m.group(1).equals("text") ? List.of(prefix + m.group(2))
                        : List.of(prefix + m.group(2) + ".expected", prefix + m.group(2) + ".but",
                                prefix + m.group(2) + ".hint");
                keys.stream().filter(key -> !catalogue.containsKey(key))
                        .forEach(key -> missing.add(ROOT.relativize(source) + ": " + key));
            }
        }
        assertTrue(named > 100, "the sources name only " + named + " message keys");
        assertEquals(List.of(), missing, "keys named in sources but missing from their catalogue");
    }

    @Test
    void noTestBuildsAFeedbackFromInlineText() {
        List<String> inline = new ArrayList<>();
        for (Path source : sources()) {
            String text = read(source);
            Matcher m = INLINE_FEEDBACK.matcher(text);
            while (m.find()) {
                inline.add(ROOT.relativize(source) + ":" + lineOf(text, m.start()));
            }
        }
        assertEquals(List.of(), inline, "Feedback.expected(...) built in place: put the text in the catalogue"
                + " (messages.properties and messages_ko.properties) and use Messages.feedback");
    }

    /** The labs' tests and the kit's own main code; Feedback itself and the catalogue reader are the exceptions. */
    private static List<Path> sources() {
        return files(".java").stream()
                .filter(p -> p.toString().contains("/src/test/java/") && ROOT.relativize(p).toString().startsWith("lab-0")
                        || p.toString().contains("/src/main/java/tcplab/support/"))
                .filter(p -> !p.endsWith("teach/Feedback.java") && !p.endsWith("teach/Messages.java"))
                .toList();
    }

    private static Properties catalogueOf(Path source) {
        String path = source.toString();
        int java = path.indexOf("/java/");
        Path resources = Path.of(path.substring(0, java) + "/resources/" + path.substring(java + "/java/".length()));
        Path catalogue = resources.resolveSibling(ENGLISH);
        return Files.exists(catalogue) ? load(catalogue) : new Properties();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Messages.PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Text with a word in it; a name alone ({@code EOF}, {@code PONG}) reads the same in both languages. */
    private static boolean needsKorean(String text) {
        return WORD.matcher(Messages.PLACEHOLDER.matcher(text).replaceAll("")).find();
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<Path> files(String suffix) {
        return KitTree.files(p -> p.getFileName().toString().endsWith(suffix));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
