package tcplab.lab04;

/**
 * How the server copes with many, slow and bad clients.
 *
 * @param host              the address to listen on
 * @param port              the port to listen on; 0 for one from the kernel
 * @param workers           connections served at once; one more gets {@code BUSY}
 * @param idleTimeoutMillis how long a connection may go without a complete request and its reply
 * @param maxLineBytes      the longest request line, without its line end
 */
public record ServerSettings(String host, int port, int workers, long idleTimeoutMillis, int maxLineBytes) {

    /** Settings on 127.0.0.1 and a port from the kernel. */
    public static ServerSettings onLoopback(int workers, long idleTimeoutMillis, int maxLineBytes) {
        return new ServerSettings("127.0.0.1", 0, workers, idleTimeoutMillis, maxLineBytes);
    }
}
