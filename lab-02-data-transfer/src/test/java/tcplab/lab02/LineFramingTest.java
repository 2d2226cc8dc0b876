package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedInputStream;
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
