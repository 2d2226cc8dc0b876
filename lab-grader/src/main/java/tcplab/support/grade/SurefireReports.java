package tcplab.support.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What Surefire's XML reports say about each test case. A report that cannot be read is kept as such, so that
 * its tests count as not run: a missing or truncated report never turns into a pass.
 */
public final class SurefireReports {

    /** The outcome of one test case. */
    public enum Status { PASSED, FAILED, SKIPPED }

    /** One {@code testcase} element. */
    public record Case(String className, String name, Status status, String message) {
    }

    private final Map<String, List<Case>> cases = new HashMap<>();
    private final Map<String, String> unreadable = new HashMap<>();

    private SurefireReports() {
    }

    /** Reads every {@code TEST-*.xml} in {@code dir} written at or after {@code since} (older ones are stale). */
    public static SurefireReports read(Path dir, Instant since) throws IOException {
        return read(List.of(dir), since);
    }

    /** Reads the reports of several folders, such as the visible tests' and the hidden tests'. */
    public static SurefireReports read(List<Path> dirs, Instant since) throws IOException {
        SurefireReports reports = new SurefireReports();
        for (Path dir : dirs) {
            reports.readDir(dir, since);
        }
        return reports;
    }

    private void readDir(Path dir, Instant since) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().matches("TEST-.+\\.xml")).sorted().toList();
        }
        for (Path file : files) {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(since)) {
                continue;
            }
            String fileName = file.getFileName().toString();
            String className = fileName.substring("TEST-".length(), fileName.length() - ".xml".length());
            try {
                parse(file);
            } catch (SAXException | IOException e) {
                unreadable.put(className, "its Surefire report " + fileName + " is incomplete (" + e.getMessage()
                        + "); the test JVM may have been killed while writing it");
            }
        }
    }

    /** No reports at all. */
    public static SurefireReports empty() {
        return new SurefireReports();
    }

    /** The cases of a test class, empty when its report is missing or unreadable. */
    public List<Case> casesOf(String className) {
        return cases.getOrDefault(className, List.of());
    }

    /** Why a class's report could not be read, or null. */
    public String unreadable(String className) {
        return unreadable.get(className);
    }

    /** Whether any case in these reports failed. */
    public boolean anyFailed() {
        return cases.values().stream().flatMap(List::stream).anyMatch(c -> c.status() == Status.FAILED)
                || !unreadable.isEmpty();
    }

    /** Whether any report was read. */
    public boolean isEmpty() {
        return cases.isEmpty() && unreadable.isEmpty();
    }

    private void parse(Path file) throws SAXException, IOException {
        Document doc = builder().parse(file.toFile());
        NodeList list = doc.getElementsByTagName("testcase");
        List<Case> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element testcase = (Element) list.item(i);
            found.add(toCase(testcase));
        }
        for (Case c : found) {
            cases.computeIfAbsent(c.className(), k -> new ArrayList<>()).add(c);
        }
    }

    private static Case toCase(Element testcase) {
        Status status = Status.PASSED;
        String message = "";
        for (Node n = testcase.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child)) {
                continue;
            }
            switch (child.getTagName()) {
                case "failure", "error" -> {
                    status = Status.FAILED;
                    message = child.hasAttribute("message") ? child.getAttribute("message")
                            : child.getAttribute("type");
                }
                case "skipped" -> {
                    if (status != Status.FAILED) {
                        status = Status.SKIPPED;
                        message = child.getAttribute("message");
                    }
                }
                default -> {
                    // system-out, system-err and rerun elements carry no outcome
                }
            }
        }
        return new Case(testcase.getAttribute("classname"), testcase.getAttribute("name"), status, message);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // A broken report is handled by the caller; the parser's default handler would also print it.
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }
}
