package tcplab.support.proxy;

import java.io.IOException;

/**
 * Ends the connection with RST to both sides: after {@code afterMillis} (counted from the first event this fault
 * sees on a connection), or once {@code afterBytes} bytes have passed in its direction, whichever comes first; a
 * zero setting is not used. With both zero, the first event resets. On the wire: the data before the limit,
 * then RST, and no FIN.
 */
public record ResetPeer(long afterMillis, long afterBytes) implements Fault {

    public ResetPeer {
        if (afterMillis < 0 || afterBytes < 0) {
            throw new IllegalArgumentException("afterMillis and afterBytes must not be negative");
        }
    }

    /** RST after this long. */
    public static ResetPeer afterMillis(long millis) {
        return new ResetPeer(millis, 0);
    }

    /** RST once this many bytes have passed. */
    public static ResetPeer afterBytes(long bytes) {
        return new ResetPeer(0, bytes);
    }

    /** What this fault remembers of one connection. */
    private static final class Seen {
        final long startNanos = System.nanoTime();
        long bytes;
    }

    @Override
    public void handle(Event event, Pipe pipe) throws IOException, InterruptedException {
        Seen seen = pipe.state(Seen::new);
        boolean timed = afterMillis > 0;
        boolean counted = afterBytes > 0;
        if (!timed && !counted || timed && System.nanoTime() - seen.startNanos >= afterMillis * 1_000_000) {
            pipe.reset();
            return;
        }
        if (counted && event.kind() == Event.Kind.DATA) {
            long room = afterBytes - seen.bytes;
            if (event.data().length >= room) {
                if (room > 0) {
                    pipe.forward(event.first((int) room));
                }
                seen.bytes = afterBytes;
                pipe.reset();
                return;
            }
            seen.bytes += event.data().length;
        }
        pipe.forward(event);
    }
}
