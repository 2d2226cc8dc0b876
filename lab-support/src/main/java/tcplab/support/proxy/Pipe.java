package tcplab.support.proxy;

import java.io.IOException;
import java.util.function.Supplier;

/** What a fault can do with one direction of one connection: pass an event on, keep state, end the connection. */
public interface Pipe {

    /** Passes an event to the next fault on this direction, or, after the last, to the destination. */
    void forward(Event event) throws IOException, InterruptedException;

    /** This fault's state for this connection and direction, made by {@code initial} the first time it is asked. */
    <S> S state(Supplier<S> initial);

    /** Ends the connection abruptly: RST to both the client and the server (SO_LINGER 0, then close). */
    void reset();

    /** Ends the connection gracefully: FIN to both the client and the server; what arrives after is discarded. */
    void close();
}
