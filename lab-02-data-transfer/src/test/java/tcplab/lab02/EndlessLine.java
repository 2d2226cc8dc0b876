package tcplab.lab02;

import java.io.InputStream;
import java.util.Arrays;

/**
 * A line that never ends: {@code x} after {@code x}, never {@code \n}, as from a client that keeps sending. It counts
 * the bytes read from it, and ends (EOF) only after {@link #CAP} bytes, so that a reader without a limit stops.
 */
final class EndlessLine extends InputStream {

    /** Far more than any line limit of the tests. */
    static final int CAP = 16 * 1024 * 1024;

    private long consumed;

    @Override
    public int read() {
        if (consumed == CAP) {
            return -1;
        }
        consumed++;
        return 'x';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int n = (int) Math.min(length, CAP - consumed);
        if (n == 0) {
            return -1;
        }
        Arrays.fill(buffer, offset, offset + n, (byte) 'x');
        consumed += n;
        return n;
    }

    /** How many bytes were read so far. */
    long consumed() {
        return consumed;
    }
}
