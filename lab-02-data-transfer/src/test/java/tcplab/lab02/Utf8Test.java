package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.Slicer;
import tcplab.support.net.SocketPair;
import tcplab.support.teach.Feedback;

/**
 * Korean text survives the byte stream in UTF-8, even when a character's bytes arrive in two reads. These tests run
 * with a platform default charset of ISO-8859-1, so code that relies on the default fails here as it would on a
 * machine set up that way.
 */
class Utf8Test {

    private static final String HINT = "Name the charset every time bytes become text or text becomes bytes:"
            + " StandardCharsets.UTF_8. getBytes() and new String(bytes) without it use the platform default.";

    private final SocketPair pair = SocketPair.open();

    Utf8Test() throws Exception {
    }

    @AfterEach
    void closePair() throws Exception {
        pair.close();
    }

    @Test
    @Points(1)
    void koreanLineIsWrittenInUtf8() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Framing.writeLine(out, StreamFixture.KOREAN);

        byte[] expected = (StreamFixture.KOREAN + "\n").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, out.toByteArray(), Feedback.expected("the " + expected.length
                        + " UTF-8 bytes of the Korean line and its \\n")
                .but(out.size() + " bytes were written, which read as UTF-8 are \""
                        + out.toString(StandardCharsets.UTF_8).strip() + "\"")
                .hint(HINT));
    }

    @Test
    @Points(2)
    void koreanCharacterSplitAcrossReadsDecodes() throws Exception {
        new Slicer(1, Duration.ofMillis(1))
                .sendThenFin(pair.writer(), (StreamFixture.KOREAN + "\n").getBytes(StandardCharsets.UTF_8));

        String line = Framing.readLine(new BufferedInputStream(pair.reader().getInputStream()), Framing.MAX_LINE_BYTES);
        assertEquals(StreamFixture.KOREAN, line, Feedback.expected("the Korean line sent one byte at a time,"
                        + " so that every character arrives in three reads, to decode unchanged")
                .but("readLine() returned \"" + line + "\"")
                .hint(HINT + " Decode the whole line's bytes at once, not each read on its own."));
    }
}
