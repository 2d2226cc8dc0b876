package tcplab.support.proxy;

import java.io.IOException;

/**
 * Passes data at no more than {@code bytesPerSecond}, in pieces of a hundredth of a second's worth. On the wire: the
 * same bytes, spread out in time; the sender's window fills while it waits.
 */
public record Bandwidth(long bytesPerSecond) implements Fault {

    public Bandwidth {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond must be positive");
        }
    }

    @Override
    public void handle(Event event, Pipe pipe) throws IOException, InterruptedException {
        if (event.kind() != Event.Kind.DATA) {
            pipe.forward(event);
            return;
        }
        int piece = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytesPerSecond / 100));
        for (int from = 0; from < event.data().length; from += piece) {
            int to = Math.min(event.data().length, from + piece);
            pipe.forward(event.slice(from, to));
            long nanos = (to - from) * 1_000_000_000L / bytesPerSecond;
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}
