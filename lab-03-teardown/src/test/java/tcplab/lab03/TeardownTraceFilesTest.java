package tcplab.lab03;

import static tcplab.support.teach.TraceAssertions.assumeSegments;
import static tcplab.support.teach.TraceFileAssertions.assertMermaidHasTheTextSegments;
import static tcplab.support.teach.TraceFileAssertions.assertMermaidParses;
import static tcplab.support.teach.TraceFileAssertions.assertPcapHasTheTextSegments;
import static tcplab.support.teach.TraceFileAssertions.mermaidBlock;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.KitOnly;
import tcplab.support.trace.Trace;
import tcplab.support.trace.TraceFiles;

/** The files of lab 03's half-close trace, the Mermaid diagram and the pcap, agree with its text. */
// One play of the scenario for the three checks; alone, like the other trace tests, so that no other connection
// crowds the capture.
@KitOnly
@Isolated
@Timeout(30)
class TeardownTraceFilesTest {

    @TempDir
    static Path dir;
    private static Trace trace;
    private static TraceFiles files;

    @BeforeAll
    static void playTheScenario() throws Exception {
        trace = TeardownTrace.halfClose();
        files = TraceFiles.write(trace, dir, "lab-03", "half-close");
    }

    @AfterAll
    static void closeTheTrace() throws Exception {
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
