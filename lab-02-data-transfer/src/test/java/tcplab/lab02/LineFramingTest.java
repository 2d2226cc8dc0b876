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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.SlowWriter;
import tcplab.support.net.SocketPair;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;

/** Lines come out exactly as they were sent, however TCP splits or joins the bytes. */
class LineFramingTest {

    private static final Messages MSG = Messages.of(LineFramingTest.class);

    private static final String HINT = MSG.text("hint");

    @AutoClose
    private final SocketPair pair = SocketPair.open();

    LineFramingTest() throws Exception {
    }

    @Test
    @Points(2)
    void linesSurviveTinyPieces() throws Exception {
        SlowWriter.tinyPieces().sendThenFin(pair.writer(), StreamFixture.linesBytes());

        assertLinesRead(MSG.text("twoBytesAtATime"));
    }

    @Test
    @Points(1)
    void linesSurviveCoalescedWrites() throws Exception {
        pair.writer().getOutputStream().write(StreamFixture.linesBytes());
        pair.writer().shutdownOutput();

        assertLinesRead(MSG.text("singleWrite"));
    }

    @Test
    @Points(1)
    void lineOverTheLimitIsRejected() throws Exception {
        byte[] tooLong = ("x".repeat(101) + "\n").getBytes(StandardCharsets.UTF_8);
        pair.writer().getOutputStream().write(tooLong);
        pair.writer().shutdownOutput();

        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        assertThrows(ProtocolException.class, () -> Framing.readLine(in, 100),
                MSG.feedback("lineOverTheLimitIsRejected"));
    }

    @Test
    @Points(1)
    void lineThatNeverEndsIsRejectedAfterTheLimit() throws Exception {
        EndlessLine endless = new EndlessLine();

        assertThrows(ProtocolException.class,
                () -> StudentCode.call("readLine(in, 100)", () -> Framing.readLine(endless, 100)),
                () -> MSG.feedback("lineThatNeverEndsIsRejectedAfterTheLimit", endless.consumed()));
        assertTrue(endless.consumed() <= 2 * 100, MSG.feedback("lineThatNeverEndsIsRejectedAfterTheLimit.2",
                endless.consumed()));
    }

    @Test
    @Points(1)
    void lineOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws Exception {
        String longest = "x".repeat(100);
        InputStream in = new ByteArrayInputStream((longest + "\n" + longest + "x\n").getBytes(StandardCharsets.UTF_8));

        String line = Framing.readLine(in, 100);
        assertEquals(longest, line, MSG.feedback("lineOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot",
                line == null ? MSG.text("lineNull") : MSG.text("lineChars", line.length())));
        assertThrows(ProtocolException.class, () -> Framing.readLine(in, 100),
                MSG.feedback("lineOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot.2"));
    }

    @Test
    @Points(1)
    void streamEndingInsideLineThrowsEof() throws Exception {
        pair.writer().getOutputStream().write("no line end".getBytes(StandardCharsets.UTF_8));
        pair.writer().shutdownOutput();

        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        assertThrows(EOFException.class, () -> Framing.readLine(in, Framing.MAX_LINE_BYTES),
                MSG.feedback("streamEndingInsideLineThrowsEof"));
    }

    private void assertLinesRead(String how) throws Exception {
        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        List<String> read = new ArrayList<>();
        for (int i = 0; i <= StreamFixture.LINES.size(); i++) {
            read.add(Framing.readLine(in, Framing.MAX_LINE_BYTES));
        }
        List<String> expected = new ArrayList<>(StreamFixture.LINES);
        expected.add(null);
        assertEquals(expected, read, MSG.feedback("assertLinesRead", StreamFixture.LINES, how, read, HINT));
    }
}
