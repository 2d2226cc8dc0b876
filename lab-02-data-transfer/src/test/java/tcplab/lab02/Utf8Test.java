package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.SlowWriter;
import tcplab.support.net.SocketPair;
import tcplab.support.teach.Messages;

/**
 * Korean text survives the byte stream in UTF-8, even when a character's bytes arrive in two reads. These tests run
 * with a platform default charset of ISO-8859-1, so code that relies on the default fails here as it would on a
 * machine set up that way.
 */
class Utf8Test {

    private static final Messages MSG = Messages.of(Utf8Test.class);

    private static final String HINT = MSG.text("hint");

    @AutoClose
    private final SocketPair pair = SocketPair.open();

    Utf8Test() throws Exception {
    }

    @Test
    @Points(1)
    void koreanLineIsWrittenInUtf8() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Framing.writeLine(out, StreamFixture.KOREAN);

        byte[] expected = (StreamFixture.KOREAN + "\n").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, out.toByteArray(), MSG.feedback("koreanLineIsWrittenInUtf8", expected.length,
                out.size(), out.toString(StandardCharsets.UTF_8).strip(), HINT));
    }

    @Test
    @Points(2)
    void koreanCharacterSplitAcrossReadsDecodes() throws Exception {
        new SlowWriter(1, Duration.ofMillis(1))
                .sendThenFin(pair.writer(), (StreamFixture.KOREAN + "\n").getBytes(StandardCharsets.UTF_8));

        String line = Framing.readLine(new BufferedInputStream(pair.reader().getInputStream()), Framing.MAX_LINE_BYTES);
        assertEquals(StreamFixture.KOREAN, line, MSG.feedback("koreanCharacterSplitAcrossReadsDecodes", line, HINT));
    }
}
