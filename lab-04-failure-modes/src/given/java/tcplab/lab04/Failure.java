package tcplab.lab04;

/** Why a request failed, as the client reports it: each failure mode of a connection looks different from Java. */
public enum Failure {
    /** No connection: the server's kernel answered the SYN with RST ({@code ConnectException: Connection refused}). */
    REFUSED,
    /** No answer in time: {@code connect} or {@code read} hit its timeout ({@code SocketTimeoutException}). */
    TIMEOUT,
    /** The peer's kernel sent RST: {@code SocketException: Connection reset}, or {@code Broken pipe} on a write. */
    RESET,
    /** The peer sent FIN before the reply was complete: {@code read()} returned -1. */
    CLOSED,
    /** The overall deadline passed before an attempt could succeed. */
    DEADLINE
}
