package tcplab.support.teach;

import static tcplab.support.teach.TraceAssertions.assumeSegments;
import static tcplab.support.teach.TraceFileAssertions.assertMermaidHasTheTextSegments;
import static tcplab.support.teach.TraceFileAssertions.assertMermaidParses;
import static tcplab.support.teach.TraceFileAssertions.assertPcapHasTheTextSegments;
import static tcplab.support.teach.TraceFileAssertions.mermaidBlock;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tcplab.support.trace.Trace;
import tcplab.support.trace.TraceFiles;

/**
 * The checks that each lab's kit-only trace-files test makes: its reference scenario, played once, writes a Mermaid
 * diagram that parses and draws the text's segments in order, and a pcap that holds the same segments. A lab's test
 * extends this, names its scenario and plays it; it is {@code @KitOnly} and {@code @Isolated}, so that no other
 * connection crowds the capture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TraceFilesContract {

    private final String lab;
    private final String scenario;
    private Trace trace;
    private TraceFiles files;

    /** Files named {@code <lab>-<scenario>.md} and {@code .pcap}, as the trace program names them. */
    protected TraceFilesContract(String lab, String scenario) {
        this.lab = lab;
        this.scenario = scenario;
    }

    /** Plays the lab's reference scenario and returns its trace, still open. */
    protected abstract Trace play() throws Exception;

    @BeforeAll
    void playTheScenario(@TempDir Path dir) throws Exception {
        trace = play();
        files = TraceFiles.write(trace, dir, lab, scenario);
    }

    @AfterAll
    void closeTheTrace() throws Exception {
        if (trace != null) {
            trace.close();
        }
    }

    /** The Markdown file's diagram parses as a Mermaid sequence diagram. */
    @Test
    void mermaidDiagramParses() throws Exception {
        assertMermaidParses(mermaidBlock(files.mermaid()));
    }

    /** The diagram draws the text's segments, in the same order. */
    @Test
    void mermaidDrawsTheSegmentsOfTheText() throws Exception {
        assumeSegments(trace);
        assertMermaidHasTheTextSegments(trace, mermaidBlock(files.mermaid()));
    }

    /** The kept pcap reads with pkts and holds the text's segments, in the same order. */
    @Test
    void pcapHoldsTheSegmentsOfTheText() throws Exception {
        assumeSegments(trace);
        assertPcapHasTheTextSegments(trace, files.pcap().orElseThrow());
    }
}
