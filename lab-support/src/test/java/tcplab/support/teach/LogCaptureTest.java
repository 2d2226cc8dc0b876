package tcplab.support.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A failure message that quotes logs stays short, shows no raw bytes, and leaves other tests' lines out. */
class LogCaptureTest {

    private static final Logger LOG = LoggerFactory.getLogger("tcplab.logcapturetest.server");
    /** Only the overlap test logs here, so that no other test of this class opens or closes its captures. */
    private static final Logger OVERLAP = LoggerFactory.getLogger("tcplab.logcapturetest.overlap");

    @Test
    void reportShowsLinesOfThreadsStartedByTheTestAndCountsTheOthers() throws Exception {
        // Created before the capture opens, as another test's server thread would be: not marked as this test's.
        Thread stranger = new Thread(() -> LOG.info("from another test"));
        try (LogCapture logs = LogCapture.of("tcplab.logcapturetest")) {
            Thread server = new Thread(() -> LOG.info("accepted /127.0.0.1:4000"));
            server.start();
            server.join();
            stranger.start();
            stranger.join();
            assertEquals("[accepted /127.0.0.1:4000] (1 line of other tests left out)", logs.report());
        }
    }

    @Test
    void captureHearsInfoLinesAfterAnOverlappingCaptureCloses() {
        Level own = ((ch.qos.logback.classic.Logger) OVERLAP).getLevel();
        try (LogCapture second = openOverlapping()) {
            OVERLAP.info("accepted /127.0.0.1:4001");
            assertEquals(List.of("accepted /127.0.0.1:4001"), second.messages());
        }
        assertEquals(own, ((ch.qos.logback.classic.Logger) OVERLAP).getLevel(), "own level, after the last capture");
    }

    /** Opens a capture, then a second one on the same logger, and closes the first: as two tests overlap. */
    private static LogCapture openOverlapping() {
        LogCapture first = LogCapture.of(OVERLAP.getName());
        LogCapture second = LogCapture.of(OVERLAP.getName());
        first.close();
        return second;
    }

    @Test
    void reportCutsLongLinesAndManyLines() {
        try (LogCapture logs = LogCapture.of("tcplab.logcapturetest")) {
            for (int i = 0; i < 1000; i++) {
                LOG.info("client said: {}", "abcdefghij".repeat(100));
            }
            String report = logs.report();
            assertTrue(report.length() < 3000, report.length() + " characters");
            assertTrue(report.endsWith("and " + (1000 - LogCapture.REPORT_LINES) + " more lines"), report);
            assertTrue(report.contains("... (" + (1013 - LogCapture.LINE_CHARS) + " more characters)"), report);
        }
    }

    @Test
    void textKeepsKoreanAndEscapesControlCharacters() {
        assertEquals("연결 종료\\n\\u0007", Printable.cut("연결 종료\n\u0007", 100));
    }

    @Test
    void binaryIsSummarised() {
        byte[] jpeg = new byte[256];
        for (int i = 0; i < jpeg.length; i++) {
            jpeg[i] = (byte) i;
        }
        String text = new String(jpeg, java.nio.charset.StandardCharsets.UTF_8);
        String shown = Printable.cut(text, 100);
        assertTrue(shown.startsWith("(") && shown.endsWith("mostly not text: binary data?)"), shown);
        assertFalse(shown.contains("\uFFFD"), shown);
    }
}
