package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.Slicer;
import tcplab.support.net.SocketPair;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.StudentCode;

/** Lines come out exactly as they were sent, however TCP splits or joins the bytes. */
class LineFramingTest {

    private static final String HINT = "One read() is not one message. Read byte by byte up to '\\n', never past it,"
            + " and decode the whole line with UTF-8.";

    private final SocketPair pair = SocketPair.open();

    LineFramingTest() throws Exception {
    }

    @AfterEach
    void closePair() throws Exception {
        pair.close();
    }

    @Test
    @Points(2)
    void linesSurviveTinyPieces() throws Exception {
        Slicer.tinyPieces().sendThenFin(pair.writer(), StreamFixture.linesBytes());

        assertLinesRead("sent two bytes at a time");
    }

    @Test
    @Points(1)
    void linesSurviveCoalescedWrites() throws Exception {
        pair.writer().getOutputStream().write(StreamFixture.linesBytes());
        pair.writer().shutdownOutput();

        assertLinesRead("sent in a single write");
    }

    @Test
    @Points(1)
    void lineOverTheLimitIsRejected() throws Exception {
        byte[] tooLong = ("x".repeat(101) + "\n").getBytes(StandardCharsets.UTF_8);
        pair.writer().getOutputStream().write(tooLong);
        pair.writer().shutdownOutput();

        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        assertThrows(ProtocolException.class, () -> Framing.readLine(in, 100),
                Feedback.expected("readLine(in, 100) to throw ProtocolException for a 101-byte line")
                        .but("it did not")
                        .hint("Count the bytes as they come, and stop at maxLineBytes before storing more."));
    }

    @Test
    @Points(1)
    void lineThatNeverEndsIsRejectedAfterTheLimit() throws Exception {
        EndlessLine endless = new EndlessLine();

        assertThrows(ProtocolException.class,
                () -> StudentCode.call("readLine(in, 100)", () -> Framing.readLine(endless, 100)),
                () -> Feedback.expected("readLine(in, 100) to throw ProtocolException on a line that never ends"
                                + " (no \\n ever)")
                        .but("it did not: it read " + endless.consumed() + " bytes")
                        .hint("Check the limit as each byte arrives, not once the \\n has come: a client that never"
                                + " sends \\n would otherwise fill the server's memory."));
        assertTrue(endless.consumed() <= 2 * 100, Feedback.expected("readLine(in, 100) to stop reading soon after"
                        + " byte 100 of a line that never ends")
                .but("it read " + endless.consumed() + " bytes")
                .hint("Stop at maxLineBytes before storing more: memory must stay bounded whatever the client sends."));
    }

    @Test
    @Points(1)
    void lineOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws Exception {
        String longest = "x".repeat(100);
        InputStream in = new ByteArrayInputStream((longest + "\n" + longest + "x\n").getBytes(StandardCharsets.UTF_8));

        String line = Framing.readLine(in, 100);
        assertEquals(longest, line, Feedback.expected("readLine(in, 100) to accept a line of exactly 100 bytes")
                .but(line == null ? "it returned null" : "it returned " + line.length() + " characters")
                .hint("maxLineBytes is the longest line allowed, without its \\n: refuse only the byte after it."));
        assertThrows(ProtocolException.class, () -> Framing.readLine(in, 100),
                Feedback.expected("readLine(in, 100) to throw ProtocolException for the next line, of 101 bytes")
                        .but("it did not")
                        .hint("Count the bytes as they come, and refuse byte maxLineBytes + 1. Read no byte past a line's"
                                + " \\n, so that the next call starts at the next line."));
    }

    @Test
    @Points(1)
    void streamEndingInsideLineThrowsEof() throws Exception {
        pair.writer().getOutputStream().write("no line end".getBytes(StandardCharsets.UTF_8));
        pair.writer().shutdownOutput();

        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        assertThrows(EOFException.class, () -> Framing.readLine(in, Framing.MAX_LINE_BYTES),
                Feedback.expected("readLine() to throw EOFException when the FIN comes after \"no line end\" and"
                                + " before its \\n")
                        .but("it did not")
                        .hint("At EOF, return null only if the line has no byte yet; otherwise the peer left in the"
                                + " middle of a line: throw new EOFException(...)."));
    }

    private void assertLinesRead(String how) throws Exception {
        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        List<String> read = new ArrayList<>();
        for (int i = 0; i <= StreamFixture.LINES.size(); i++) {
            read.add(Framing.readLine(in, Framing.MAX_LINE_BYTES));
        }
        List<String> expected = new ArrayList<>(StreamFixture.LINES);
        expected.add(null);
        assertEquals(expected, read, Feedback.expected("the lines " + StreamFixture.LINES + ", " + how
                        + ", to come out one per readLine() call, then null at EOF")
                .but("readLine() returned " + read)
                .hint(HINT));
    }
}
