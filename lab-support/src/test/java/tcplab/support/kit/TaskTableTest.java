package tcplab.support.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each task of a handout's task list has a {@code TODO(student)} marker in the starter, and each marker a task. */
class TaskTableTest {

    private static final Path ROOT = KitTree.ROOT;
    private static final List<String> EDITIONS = List.of("README.md", "README.ko.md");
    /** The heading of the task list: "Tasks" or "과제", numbered or not. */
    private static final Pattern TASKS_HEADING = Pattern.compile("(#+) (?:\\d+\\. )?(?:Tasks|과제)");
    /**
     * A task as the list defines it, at the start of a line: a table row ({@code | L4-T1 |}), a paragraph
     * ({@code **L1-T1: ...}) or a list item ({@code - **L2-A1** ...}). An id further on in a line only refers to it.
     */
    private static final Pattern TASK = Pattern.compile("^(?:\\|\\s*|-\\s+)?(?:\\*\\*)?(L\\d-[A-Z]\\d+)\\b");
    /** Tasks that the tests check but that need no code of their own, declared in both editions' task lists. */
    private static final Pattern WITHOUT_CODE = Pattern.compile("<!-- tasks without code: ([^>]*?) -->");
    private static final Pattern ID = Pattern.compile("L\\d-[A-Z]\\d+");
    private static final Pattern MARKER = Pattern.compile("TODO\\(student\\): (L\\d-[A-Z]\\d+)");

    @BeforeEach
    void onlyInTheKit() {
        assumeTrue(Files.isDirectory(ROOT.resolve("solutions")), "in the student copy the markers go as the tasks are"
                + " done: only the kit's untouched starters must have one for each task");
    }

    /** For each lab and each edition of its handout, the ids of the task list are the ids of the starter's markers. */
    @Test
    void everyTaskHasAMarkerAndEveryMarkerATask() {
        List<String> problems = new ArrayList<>();
        for (Path lab : labs()) {
            Map<String, Set<String>> markers = markers(lab.resolve("src/main/java"));
            for (String edition : EDITIONS) {
                Path handout = lab.resolve(edition);
                String where = ROOT.relativize(handout).toString();
                List<String> section = tasksSection(read(handout));
                if (section.isEmpty()) {
                    problems.add(where + ": no task list under a heading \"Tasks\" (\"과제\")");
                    continue;
                }
                Set<String> tasks = new TreeSet<>();
                Set<String> withoutCode = new TreeSet<>();
                for (String line : section) {
                    Matcher task = TASK.matcher(line);
                    if (task.find()) {
                        tasks.add(task.group(1));
                    }
                    Matcher declared = WITHOUT_CODE.matcher(line);
                    while (declared.find()) {
                        ID.matcher(declared.group(1)).results().forEach(id -> withoutCode.add(id.group()));
                    }
                }
                Set<String> unmarked = new TreeSet<>(tasks);
                unmarked.removeAll(withoutCode);
                unmarked.removeAll(markers.keySet());
                if (!unmarked.isEmpty()) {
                    problems.add(where + ": tasks with no \"TODO(student): <id>\" marker under "
                            + ROOT.relativize(lab.resolve("src/main/java")) + ": " + unmarked);
                }
                Set<String> undeclared = new TreeSet<>(withoutCode);
                undeclared.removeAll(tasks);
                if (!undeclared.isEmpty()) {
                    problems.add(where + ": \"tasks without code\" that the task list does not have: " + undeclared);
                }
                markers.forEach((id, files) -> {
                    if (!tasks.contains(id)) {
                        problems.add(where + ": the task list has no task " + id + ", which marks " + files);
                    }
                });
            }
        }
        assertEquals(List.of(), problems, "task lists and TODO(student) markers that disagree");
    }

    private static List<Path> labs() {
        try (Stream<Path> folders = Files.list(ROOT)) {
            List<Path> labs = folders.filter(p -> p.getFileName().toString().matches("lab-\\d\\d-.*"))
                    .filter(p -> Files.isDirectory(p.resolve("src/main/java"))).sorted().toList();
            assumeTrue(!labs.isEmpty(), "no lab-NN-* folder in " + ROOT);
            return labs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines under the task list's heading, up to the next heading of its level or above; none without one. */
    private static List<String> tasksSection(String handout) {
        List<String> section = new ArrayList<>();
        int level = 0;
        boolean inFence = false;
        for (String line : handout.lines().toList()) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            }
            Matcher heading = Pattern.compile("(#+) ").matcher(line);
            boolean isHeading = !inFence && heading.lookingAt();
            if (level > 0 && isHeading && heading.group(1).length() <= level) {
                break;
            }
            if (level > 0) {
                section.add(line);
            } else if (isHeading && TASKS_HEADING.matcher(line).matches()) {
                level = heading.group(1).length();
            }
        }
        return section;
    }

    /** Each id of a marker under {@code sources}, with the files (relative to the kit) that it marks. */
    private static Map<String, Set<String>> markers(Path sources) {
        Map<String, Set<String>> markers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> MARKER.matcher(read(f)).results()
                    .forEach(m -> markers.computeIfAbsent(m.group(1), id -> new TreeSet<>())
                            .add(ROOT.relativize(f).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return markers;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
