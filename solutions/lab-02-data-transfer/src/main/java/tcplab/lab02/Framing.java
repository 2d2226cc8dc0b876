package tcplab.lab02;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;

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
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("the stream ended after " + line.size() + " bytes of a line");
            }
            if (b == '\n') {
                return line.toString(UTF_8);
            }
            if (line.size() == maxLineBytes) {
                throw new ProtocolException("line longer than " + maxLineBytes + " bytes");
            }
            line.write(b);
        }
    }

    /**
     * Task L2-T2 and L2-T3: writes {@code line} and a {@code \n}, encoded as UTF-8, and flushes, so that the line
     * leaves at once even when {@code out} is buffered.
     */
    public static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(UTF_8));
        out.flush();
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
        int first = in.read();
        if (first == -1) {
            return null;
        }
        byte[] header = new byte[4];
        header[0] = (byte) first;
        readFully(in, header, 1, "frame header");
        int length = ByteBuffer.wrap(header).getInt();
        if (length < 0 || length > maxFrameBytes) {
            throw new ProtocolException("frame length " + length + " is outside 0.." + maxFrameBytes);
        }
        byte[] payload = new byte[length];
        readFully(in, payload, 0, "frame of " + length + " bytes");
        return payload;
    }

    private static void readFully(InputStream in, byte[] buffer, int from, String what) throws IOException {
        int read = in.readNBytes(buffer, from, buffer.length - from);
        if (read < buffer.length - from) {
            throw new EOFException("the stream ended " + (from + read) + " bytes into a " + what);
        }
    }

    /** Task L2-T3: writes a frame, its 4-byte big-endian length and then its payload, and flushes. */
    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.write(payload);
        out.flush();
    }
}
