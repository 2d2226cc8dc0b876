package tcplab.support.proxy;

/**
 * A blackhole: drops every byte and the FIN, so the receiver sees a peer that is there but silent: no data, no FIN,
 * no RST. The kernel still acknowledges what the sender sends. After {@code timeoutMillis} (counted from the
 * first event this fault sees on a connection) it closes the connection with FIN both ways; 0 means never.
 */
public record Timeout(long timeoutMillis) implements Fault {

    public Timeout {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must not be negative");
        }
    }

    /** A blackhole that never closes. */
    public static Timeout blackhole() {
        return new Timeout(0);
    }

    @Override
    public void handle(Event event, Pipe pipe) {
        long start = pipe.state(System::nanoTime);
        if (timeoutMillis > 0 && System.nanoTime() - start >= timeoutMillis * 1_000_000) {
            pipe.close();
        }
    }
}
