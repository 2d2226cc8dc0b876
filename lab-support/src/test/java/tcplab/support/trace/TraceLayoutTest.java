package tcplab.support.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A diagram row wraps each cell inside its column and never ends with spaces, whatever the cells hold. */
class TraceLayoutTest {

    private static void assertFits(List<String> lines) {
        for (String line : lines) {
            assertEquals(line.stripTrailing(), line, "trailing spaces in: " + line);
            assertTrue(line.length() <= Trace.WIDTH, line.length() + " characters: " + line);
        }
    }

    @Test
    void rowWithAnEmptyServerCellHasNoTrailingSpaces() {
        assertEquals(List.of("2   close()"), Trace.row("2", "close()", ""));
    }

    @Test
    void longClientCellWrapsInsideItsColumnBesideTheServerCell() {
        // Lab 04's third step of the read-timeout trace, with the exception the client reports.
        List<String> lines = Trace.row("3", "read() -> java.net.SocketTimeoutException: Read timed out after 500 ms;"
                + " close()", "accept(); (never answers)");
        assertFits(lines);
        assertTrue(lines.size() > 1, lines.toString());
        assertTrue(lines.get(0).endsWith("accept(); (never answers)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("      "), "continuation indented: " + lines.get(1));
    }

    @Test
    void wordLongerThanTheColumnIsBrokenInside() {
        String state = "  [" + "X".repeat(120) + "]";
        assertFits(Trace.row("1", state, "  [" + "Y".repeat(90) + "]"));
        assertEquals("[" + "X".repeat(120) + "]", String.join("", Trace.wrap(state, 52)).replace(" ", ""));
    }
}
