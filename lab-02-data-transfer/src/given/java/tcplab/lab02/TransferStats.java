package tcplab.lab02;

import java.time.Duration;

/**
 * What one bulk transfer did.
 *
 * @param bytesSent     bytes written to the connection
 * @param bytesReceived bytes read back before the server's FIN
 * @param elapsed       from the first byte written to the server's FIN
 */
public record TransferStats(long bytesSent, long bytesReceived, Duration elapsed) {

    /** Received bytes per second; 0 when no time passed. */
    public double throughputBytesPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : bytesReceived * 1e9 / nanos;
    }
}
