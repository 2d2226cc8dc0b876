package tcplab.support.proxy;

import java.io.IOException;

/**
 * Lets {@code bytes} bytes pass in its direction, then closes the connection with FIN both ways. On the wire: exactly
 * that many bytes, then FIN, and no RST (the proxy reads and drops what comes after, until each side's FIN).
 */
public record LimitData(long bytes) implements Fault {

    public LimitData {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }

    /** Bytes passed so far on one connection. */
    private static final class Passed {
        long bytes;
    }

    @Override
    public void handle(Event event, Pipe pipe) throws IOException, InterruptedException {
        Passed passed = pipe.state(Passed::new);
        if (event.kind() != Event.Kind.DATA) {
            if (event.kind() == Event.Kind.END || passed.bytes < bytes) {
                pipe.forward(event);
            }
            if (passed.bytes >= bytes) {
                pipe.close();
            }
            return;
        }
        long room = bytes - passed.bytes;
        if (room > 0) {
            Event part = event.data().length <= room ? event : event.first((int) room);
            pipe.forward(part);
            passed.bytes += part.data().length;
        }
        if (passed.bytes >= bytes) {
            pipe.close();
        }
    }
}
