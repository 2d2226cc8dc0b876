package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.net.ProtocolException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.SlowWriter;
import tcplab.support.net.SocketPair;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;

/** Length-prefixed frames come out exactly as they were sent, and a bad length is refused before any allocation. */
class FrameFramingTest {

    private static final Messages MSG = Messages.of(FrameFramingTest.class);

    private static final String HINT = MSG.text("hint");

    @AutoClose
    private final SocketPair pair = SocketPair.open();

    FrameFramingTest() throws Exception {
    }

    @Test
    @Points(2)
    void framesSurviveTinyPieces() throws Throwable {
        SlowWriter.tinyPieces().sendThenFin(pair.writer(), StreamFixture.framesBytes());

        assertFramesRead(MSG.text("twoBytesAtATime"));
    }

    @Test
    @Points(1)
    void framesSurviveCoalescedWrites() throws Throwable {
        pair.writer().getOutputStream().write(StreamFixture.framesBytes());
        pair.writer().shutdownOutput();

        assertFramesRead(MSG.text("singleWrite"));
    }

    @Test
    @Points(1)
    void negativeFrameLengthIsRejected() throws Exception {
        assertLengthRejected(-1);
    }

    @Test
    @Points(1)
    void frameLengthAboveTheLimitIsRejected() throws Exception {
        assertLengthRejected(Framing.MAX_FRAME_BYTES + 1);
    }

    @Test
    @Points(1)
    void streamEndingInsideFrameThrowsEof() throws Exception {
        pair.writer().getOutputStream().write(StreamFixture.header(10));
        pair.writer().getOutputStream().write(new byte[] {1, 2, 3, 4});
        pair.writer().shutdownOutput();

        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        assertThrows(EOFException.class, () -> readFrame(in),
                MSG.feedback("streamEndingInsideFrameThrowsEof"));
    }

    private void assertLengthRejected(int length) throws Exception {
        pair.writer().getOutputStream().write(StreamFixture.header(length));
        pair.writer().shutdownOutput();

        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        assertThrows(ProtocolException.class, () -> readFrame(in),
                MSG.feedback("assertLengthRejected", length));
    }

    private static byte[] readFrame(InputStream in) throws Throwable {
        return StudentCode.call("readFrame()", () -> Framing.readFrame(in, Framing.MAX_FRAME_BYTES));
    }

    private void assertFramesRead(String how) throws Throwable {
        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        for (int i = 0; i < StreamFixture.FRAMES.size(); i++) {
            byte[] expected = StreamFixture.FRAMES.get(i);
            byte[] frame = readFrame(in);
            assertArrayEquals(expected, frame, MSG.feedback("assertFramesRead", (i + 1), StreamFixture.FRAMES.size(),
                    expected.length, how, frame == null ? MSG.text("frameNull") : MSG.text("frameBytes",
                    frame.length), HINT));
        }
        assertNull(readFrame(in),
                MSG.feedback("assertFramesRead.2", HINT));
    }
}
