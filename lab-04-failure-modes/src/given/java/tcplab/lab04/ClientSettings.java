package tcplab.lab04;

import java.util.function.DoubleSupplier;

/**
 * How the client talks to the server. All times are in milliseconds.
 *
 * @param host               the server's address
 * @param port               the server's port
 * @param connectTimeoutMillis how long one connect may wait for the handshake
 * @param readTimeoutMillis  how long one read may wait for the reply
 * @param deadlineMillis     how long one request may take in all, retries and pauses included
 * @param firstPauseMillis   the pause before the second attempt; each later pause doubles, with jitter
 * @param random             numbers in [0, 1) for the jitter; tests pass a fixed one
 */
public record ClientSettings(String host, int port, int connectTimeoutMillis, int readTimeoutMillis,
                             long deadlineMillis, long firstPauseMillis, DoubleSupplier random) {

    /** Settings with these timeouts, a 100 ms first pause, and random jitter. */
    public static ClientSettings of(int port, int connectTimeoutMillis, int readTimeoutMillis, long deadlineMillis) {
        return new ClientSettings("127.0.0.1", port, connectTimeoutMillis, readTimeoutMillis, deadlineMillis, 100,
                Math::random);
    }
}
