package tcplab.support.proxy;

/** Which way a fault acts, in Toxiproxy's words. */
public enum Direction {
    /** From the client to the server. */
    UPSTREAM,
    /** From the server back to the client. */
    DOWNSTREAM
}
