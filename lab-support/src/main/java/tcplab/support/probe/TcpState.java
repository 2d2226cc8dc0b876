package tcplab.support.probe;

/**
 * The states of RFC 9293's connection state machine, as the kernel reports them.
 *
 * <p>{@link #CLOSED} stands for "the kernel has no entry for this connection any more".
 */
public enum TcpState {
    LISTEN,
    SYN_SENT,
    SYN_RECEIVED,
    ESTABLISHED,
    FIN_WAIT_1,
    FIN_WAIT_2,
    CLOSE_WAIT,
    CLOSING,
    LAST_ACK,
    TIME_WAIT,
    CLOSED,
    UNKNOWN
}
