package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.net.ProtocolException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.Slicer;
import tcplab.support.net.SocketPair;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.StudentCode;

/** Length-prefixed frames come out exactly as they were sent, and a bad length is refused before any allocation. */
class FrameFramingTest {

    private static final String HINT = "read() may return fewer bytes than asked for. Read the 4-byte length and"
            + " then the payload with read-fully semantics: in.readNBytes(buffer, 0, n) until all n bytes are in.";

    private final SocketPair pair = SocketPair.open();

    FrameFramingTest() throws Exception {
    }

    @AfterEach
    void closePair() throws Exception {
        pair.close();
    }

    @Test
    @Points(2)
    void framesSurviveTinyPieces() throws Throwable {
        Slicer.tinyPieces().sendThenFin(pair.writer(), StreamFixture.framesBytes());

        assertFramesRead("sent two bytes at a time");
    }

    @Test
    @Points(1)
    void framesSurviveCoalescedWrites() throws Throwable {
        pair.writer().getOutputStream().write(StreamFixture.framesBytes());
        pair.writer().shutdownOutput();

        assertFramesRead("sent in a single write");
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
                Feedback.expected("readFrame() to throw EOFException when the FIN comes after 4 of the 10 bytes the"
                                + " header announced")
                        .but("it did not")
                        .hint("Return null only at EOF before the frame's first byte; once a frame has begun, a short"
                                + " read (readNBytes returns fewer bytes) means the peer left: throw EOFException."));
    }

    private void assertLengthRejected(int length) throws Exception {
        pair.writer().getOutputStream().write(StreamFixture.header(length));
        pair.writer().shutdownOutput();

        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        assertThrows(ProtocolException.class, () -> readFrame(in),
                Feedback.expected("readFrame() to throw ProtocolException for the length " + length)
                        .but("it did not")
                        .hint("Check 0 <= length <= maxFrameBytes right after reading the header,"
                                + " before you allocate the payload: never trust a length from the network."));
    }

    private static byte[] readFrame(InputStream in) throws Throwable {
        return StudentCode.call("readFrame()", () -> Framing.readFrame(in, Framing.MAX_FRAME_BYTES));
    }

    private void assertFramesRead(String how) throws Throwable {
        InputStream in = new BufferedInputStream(pair.reader().getInputStream());
        for (int i = 0; i < StreamFixture.FRAMES.size(); i++) {
            byte[] expected = StreamFixture.FRAMES.get(i);
            byte[] frame = readFrame(in);
            assertArrayEquals(expected, frame, Feedback.expected("frame " + (i + 1) + " of "
                            + StreamFixture.FRAMES.size() + ", " + expected.length + " bytes " + how + ", to come out whole")
                    .but(frame == null ? "readFrame() returned null" : "readFrame() returned " + frame.length + " bytes")
                    .hint(HINT));
        }
        assertNull(readFrame(in),
                Feedback.expected("null after the last frame, at EOF").but("readFrame() returned a frame").hint(HINT));
    }
}
