package tcplab.lab02;

/**
 * The bookkeeping each end of a connection does with sequence and acknowledgement numbers, which are 32 bits wide
 * and wrap around from 2^32 - 1 to 0. Numbers are held in a {@code long} between 0 and 2^32 - 1.
 */
public final class SequenceNumbers {

    /** How many sequence numbers there are: 2^32. */
    public static final long MODULUS = 1L << 32;

    private SequenceNumbers() {
    }

    /**
     * Task L2-A1: the sequence number of the byte after a segment that starts at {@code seq} and carries
     * {@code payloadBytes} bytes of data: {@code (seq + payloadBytes) mod 2^32}.
     */
    public static long next(long seq, int payloadBytes) {
        return (seq + payloadBytes) % MODULUS;
    }

    /**
     * Task L2-A2: the acknowledgement number a receiver sends back for a segment: the segment's sequence number plus
     * its payload length, plus one for a SYN and one for a FIN, which each take up a sequence number; mod 2^32.
     * The SYN with {@code seq = x} is acknowledged with {@code x + 1}.
     */
    public static long ackFor(long seq, int payloadBytes, boolean syn, boolean fin) {
        return (seq + payloadBytes + (syn ? 1 : 0) + (fin ? 1 : 0)) % MODULUS;
    }

    /**
     * Task L2-A3: compares two sequence numbers the way TCP does, so that the order stays right across the wrap
     * (serial-number arithmetic): {@code a} comes before {@code b} when {@code b - a}, taken mod 2^32, is less than 2^31.
     *
     * At exactly 2^31 apart neither comes before the other: RFC 1982 leaves that order undefined, so this method
     * refuses to guess rather than answer "before" both ways.
     *
     * @return a negative number if {@code a} comes before {@code b}, 0 if they are equal, positive if after
     * @throws IllegalArgumentException if {@code a} and {@code b} are exactly 2^31 apart
     */
    public static int compare(long a, long b) {
        long distance = Math.floorMod(b - a, MODULUS);
        if (distance == MODULUS / 2) {
            throw new IllegalArgumentException(a + " and " + b + " are 2^31 apart: their order is undefined");
        }
        return Integer.signum((int) (a - b));
    }
}
