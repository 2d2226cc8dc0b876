package tcplab.support.proxy;

import java.io.IOException;

/**
 * Holds the FIN back for {@code delayMillis} after the source sent it; data passes as it comes. On the wire: the
 * same bytes, then the FIN, that much later.
 */
public record SlowClose(long delayMillis) implements Fault {

    public SlowClose {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative");
        }
    }

    @Override
    public void handle(Event event, Pipe pipe) throws IOException, InterruptedException {
        if (event.kind() == Event.Kind.END) {
            Thread.sleep(delayMillis);
        }
        pipe.forward(event);
    }
}
