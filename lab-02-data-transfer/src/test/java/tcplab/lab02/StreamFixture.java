package tcplab.lab02;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bytes of lines and frames, built by the tests themselves so the student's code is checked against them. */
final class StreamFixture {

    /** Korean text; each syllable is three bytes in UTF-8. */
    static final String KOREAN = "TCP는 바이트의 흐름을 전달하고, 메시지의 경계는 응용 프로그램이 정합니다";

    static final List<String> LINES = List.of("first line", KOREAN, "", "last line");

    static final List<byte[]> FRAMES = List.of(
            "first frame".getBytes(StandardCharsets.UTF_8),
            KOREAN.getBytes(StandardCharsets.UTF_8),
            new byte[0],
            new byte[300]);

    private StreamFixture() {
    }

    /** All {@link #LINES}, each with {@code \n}, in UTF-8, back to back. */
    static byte[] linesBytes() {
        return String.join("\n", LINES).concat("\n").getBytes(StandardCharsets.UTF_8);
    }

    /** All {@link #FRAMES}, each with its 4-byte big-endian length, back to back. */
    static byte[] framesBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame : FRAMES) {
            out.write(header(frame.length));
            out.write(frame);
        }
        return out.toByteArray();
    }

    /** A 4-byte big-endian length. */
    static byte[] header(int length) {
        return ByteBuffer.allocate(4).putInt(length).array();
    }
}
