package tcplab.support.trace;

/**
 * One TCP segment seen on the loopback interface.
 *
 * @param timeMicros when it was captured, in microseconds since the epoch
 * @param fromPort   the sender's port
 * @param toPort     the receiver's port
 * @param flags      in tcpdump's notation: {@code S}, {@code F}, {@code R}, {@code P}, and {@code .} for ACK
 * @param seq        the absolute sequence number
 * @param ack        the absolute acknowledgement number, meaningful only with the ACK flag
 * @param length     the payload's length in bytes
 * @param window      the window field as it is on the wire, before any scaling
 * @param windowScale the window scale option's shift count, or -1 when the segment carries none (only a SYN may)
 */
public record Segment(long timeMicros, int fromPort, int toPort, String flags, long seq, long ack, int length,
        int window, int windowScale) {

    /** No window scale option in the segment. */
    public static final int NO_WINDOW_SCALE = -1;

    public boolean hasAck() {
        return flags.contains(".");
    }

    public boolean isSyn() {
        return flags.contains("S");
    }
}
