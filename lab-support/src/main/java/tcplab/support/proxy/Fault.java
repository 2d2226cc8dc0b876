package tcplab.support.proxy;

import java.io.IOException;

/**
 * A fault on one direction of every connection through a {@link FaultProxy}, like a Toxiproxy toxic. A fault's
 * settings are immutable; what it must remember about one connection it keeps in {@link Pipe#state}. Its
 * Javadoc says what it puts on the wire.
 */
@FunctionalInterface
public interface Fault {

    /**
     * Handles one event of the direction this fault is on, and passes on what it lets through with
     * {@link Pipe#forward}. Events come one at a time, in order, on one thread per direction, so a fault that
     * sleeps delays everything behind it, as a slow link would.
     */
    void handle(Event event, Pipe pipe) throws IOException, InterruptedException;
}
