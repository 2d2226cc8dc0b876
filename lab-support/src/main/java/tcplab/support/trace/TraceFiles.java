package tcplab.support.trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The files a finished trace leaves for a student to open: {@code <lab>-<scenario>.md}, its Mermaid diagram (GitHub
 * and most IDEs render it), and {@code <lab>-<scenario>.pcap}, tcpdump's capture (Wireshark opens it), where there
 * was one.
 *
 * @param mermaid     the Markdown file with the diagram
 * @param pcap        the capture, or empty where none could be made
 * @param noCapture   why there is no capture, or empty where there is one
 */
public record TraceFiles(Path mermaid, Optional<Path> pcap, Optional<String> noCapture) {

    /** Where a lab's module keeps them, relative to its base directory. */
    public static final String DIR = "target/trace";

    /**
     * Writes both files of a finished trace into {@code dir}, replacing those of an earlier run; call it before the
     * trace is closed, which deletes tcpdump's own file.
     */
    public static TraceFiles write(Trace trace, Path dir, String lab, String scenario) throws IOException {
        Files.createDirectories(dir);
        String name = lab + "-" + scenario;
        Path pcap = dir.resolve(name + ".pcap");
        Files.deleteIfExists(pcap);
        Optional<Path> captured = trace.captureFile();
        Optional<Path> kept = captured.isPresent()
                ? Optional.of(Files.copy(captured.get(), pcap, StandardCopyOption.REPLACE_EXISTING))
                : Optional.empty();
        Optional<String> noCapture = kept.isPresent() ? Optional.empty()
                : Optional.of(trace.segmentsUnavailable().orElse("the capture file was not written"));
        Path mermaid = dir.resolve(name + ".md");
        Files.writeString(mermaid, markdown(trace, noCapture), StandardCharsets.UTF_8);
        return new TraceFiles(mermaid, kept, noCapture);
    }

    private static String markdown(Trace trace, Optional<String> noCapture) {
        return "# " + trace.title() + "\n\n"
                + noCapture.map(why -> "Segments not shown: " + why + ".\n\n").orElse("")
                + "```mermaid\n" + MermaidDiagram.of(trace) + "```\n";
    }

    /** Prints where the files are, and how to open the capture or why there is none. */
    public void print(PrintStream out) {
        out.println("   diagram: " + shown(mermaid) + " (Mermaid; GitHub and most IDEs render it)");
        out.println(pcap.map(TraceFiles::shown).map(file -> "   capture: " + file + " (tcpdump's)\n"
                        + "            open it with: wireshark " + file + ", or: tcpdump -r " + file + " -n -S")
                .orElseGet(() -> "   capture: none, " + noCapture.orElse("")));
        out.println();
    }

    /** The path as the student would type it: relative to the working directory where it lies below it. */
    private static Path shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
