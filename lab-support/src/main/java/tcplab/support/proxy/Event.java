package tcplab.support.proxy;

/**
 * One thing that happens on one direction of a connection: bytes read from the source, a tick of the clock while
 * the source is quiet, or the source's end (its FIN).
 *
 * @param kind what happened
 * @param data the bytes read, for DATA; empty otherwise
 */
public record Event(Kind kind, byte[] data) {

    /** What happened. */
    public enum Kind { DATA, TICK, END }

    private static final byte[] NONE = new byte[0];
    static final Event TICK = new Event(Kind.TICK, NONE);
    static final Event END = new Event(Kind.END, NONE);

    /** Bytes read from the source. */
    public static Event data(byte[] data) {
        return new Event(Kind.DATA, data);
    }

    /** The first {@code length} bytes of this DATA event. */
    public Event first(int length) {
        return data(java.util.Arrays.copyOf(data, length));
    }

    /** This DATA event's bytes from {@code from} to {@code to}. */
    public Event slice(int from, int to) {
        return data(java.util.Arrays.copyOfRange(data, from, to));
    }
}
