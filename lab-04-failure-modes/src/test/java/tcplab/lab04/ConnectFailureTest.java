package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.FullBacklog;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Messages;
import tcplab.support.teach.SchedulingLag;
import tcplab.support.teach.TcpAssertions;

/** A connect that fails is reported as what it is: no SYN-ACK is a TIMEOUT at the connect timeout, RST is REFUSED. */
class ConnectFailureTest {

    private static final Messages MSG = Messages.of(ConnectFailureTest.class);

    private static final int CONNECT_TIMEOUT_MILLIS = 300;

    /** The listener's backlog is full, so the kernel drops the SYN: without a connect timeout, Linux retries ~2 min. */
    @Test
    @Points(1)
    void connectToFullBacklogTimesOutAtTheConnectTimeout() throws IOException {
        try (FullBacklog backlog = TcpAssertions.fullBacklog(); SchedulingLag lag = SchedulingLag.start()) {
            ResilientClient client = new ResilientClient(
                    Clients.settings(backlog.port(), CONNECT_TIMEOUT_MILLIS, 1_000, 3_000, 50));
            long start = System.nanoTime();
            RequestFailedException e = Clients.failure(MSG.text("connectTimeout"),
                    MSG.text("connectTimeout.hint"), () -> client.requestOnce("PING"));
            long millis = Clients.millisSince(start);
            assertEquals(Failure.TIMEOUT, e.failure(), MSG.feedback("connectToFullBacklogTimesOutAtTheConnectTimeout",
                    e.failure()));
            long latest = CONNECT_TIMEOUT_MILLIS + 2_500 + lag.millisFor(4);
            assertTrue(millis >= CONNECT_TIMEOUT_MILLIS - 20 && millis <= latest,
                    MSG.feedback("connectToFullBacklogTimesOutAtTheConnectTimeout.2", latest, millis));
        }
    }

    /** Nothing listens on the port: the kernel answers the SYN with RST. */
    @Test
    @Points(1)
    void nothingListeningIsReportedAsRefused() throws IOException {
        int closedPort;
        try (ReservedPort reserved = ReservedPort.reserve()) {
            closedPort = reserved.port();
        }
        ResilientClient client = new ResilientClient(Clients.settings(closedPort, 1_000, 1_000, 3_000, 50));
        RequestFailedException e = Clients.failure(MSG.text("refused"),
                MSG.text("refused.hint"), () -> client.requestOnce("PING"));
        assertEquals(Failure.REFUSED, e.failure(), MSG.feedback("nothingListeningIsReportedAsRefused", e.failure()));
    }
}
