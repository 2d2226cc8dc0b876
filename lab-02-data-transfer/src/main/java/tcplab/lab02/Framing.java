package tcplab.lab02;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Messages on a byte stream. TCP delivers bytes, not messages: one {@code read()} may return half a message, or two.
 * Framing marks where each message ends: a line ends with {@code \n}; a frame starts with its length.
 */
public final class Framing {

    /** The longest line a reader accepts, in bytes, without the {@code \n}. */
    public static final int MAX_LINE_BYTES = 8 * 1024;

    /** The largest frame payload a reader accepts, in bytes. */
    public static final int MAX_FRAME_BYTES = 1024 * 1024;

    private Framing() {
    }

    /**
     * Task L2-T1 and L2-T2: reads bytes up to the next {@code \n} and decodes them as UTF-8. It reads no byte past the
     * {@code \n}, so the next call finds the next line, however the bytes were split into segments. Decode only the
     * whole line: a character's bytes may arrive in two reads.
     *
     * @return the line without its {@code \n}, or null if the stream ends (FIN) before the line's first byte
     * @throws ProtocolException if the line is longer than {@code maxLineBytes}
     * @throws EOFException if the stream ends in the middle of a line
     */
    public static String readLine(InputStream in, int maxLineBytes) throws IOException {
        // TODO(student): L2-T1 read byte by byte up to '\n' and no further, with at most maxLineBytes bytes.
        // TODO(student): L2-T2 decode the whole line as UTF-8, not with the platform default.
        return new BufferedReader(new InputStreamReader(in)).readLine();
    }

    /**
     * Task L2-T2 and L2-T3: writes {@code line} and a {@code \n}, encoded as UTF-8, and flushes, so that the line
     * leaves at once even when {@code out} is buffered.
     */
    public static void writeLine(OutputStream out, String line) throws IOException {
        // TODO(student): L2-T2 encode as UTF-8. L2-T3 flush, so the line leaves now.
        out.write((line + "\n").getBytes());
    }

    /**
     * Task L2-T1 and L2-T5: reads one frame: a 4-byte big-endian length, then exactly that many bytes of payload,
     * however many reads that takes. It checks the length before it allocates anything.
     *
     * @return the payload, or null if the stream ends (FIN) before the frame's first byte
     * @throws ProtocolException if the length is negative or above {@code maxFrameBytes}
     * @throws EOFException if the stream ends in the middle of a frame
     */
    public static byte[] readFrame(InputStream in, int maxFrameBytes) throws IOException {
        // TODO(student): L2-T1 one read() is not one frame: read the 4-byte length, then exactly that many bytes.
        // TODO(student): L2-T5 refuse a negative length or one above maxFrameBytes with ProtocolException.
        byte[] buffer = new byte[64 * 1024];
        int read = in.read(buffer);
        if (read == -1) {
            return null;
        }
        return Arrays.copyOfRange(buffer, Math.min(4, read), read);
    }

    /** Task L2-T3: writes a frame, its 4-byte big-endian length and then its payload, and flushes. */
    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        // TODO(student): L2-T3 flush, so the frame leaves now.
        out.write(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.write(payload);
    }
}
