package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.FullBacklog;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.SchedulingLag;

/** A connect that fails is reported as what it is: no SYN-ACK is a TIMEOUT at the connect timeout, RST is REFUSED. */
class ConnectFailureTest {

    private static final int CONNECT_TIMEOUT_MILLIS = 300;

    /** The listener's backlog is full, so the kernel drops the SYN: without a connect timeout, Linux retries ~2 min. */
    @Test
    @Points(1)
    void connectToFullBacklogTimesOutAtTheConnectTimeout() throws IOException {
        try (FullBacklog backlog = FullBacklog.open(); SchedulingLag lag = SchedulingLag.start()) {
            ResilientClient client = new ResilientClient(
                    Clients.settings(backlog.port(), CONNECT_TIMEOUT_MILLIS, 1_000, 3_000, 50));
            long start = System.nanoTime();
            RequestFailedException e = Clients.failure("requestOnce() to give up after its 300 ms connect timeout",
                    "Connect with socket.connect(address, connectTimeoutMillis); new Socket(host, port) waits for"
                            + " the kernel's own limit, minutes.", () -> client.requestOnce("PING"));
            long millis = Clients.millisSince(start);
            assertEquals(Failure.TIMEOUT, e.failure(), Feedback.expected("Failure.TIMEOUT for a SYN that is never"
                    + " answered").but("it was " + e.failure())
                    .hint("A connect timeout throws SocketTimeoutException; classify it as TIMEOUT."));
            long latest = CONNECT_TIMEOUT_MILLIS + 2_500 + lag.millisFor(4);
            assertTrue(millis >= CONNECT_TIMEOUT_MILLIS - 20 && millis <= latest, Feedback.expected("the request to"
                            + " fail between 280 and " + latest + " ms (the 300 ms connect timeout, with a margin and"
                            + " this machine's scheduling lag)").but("it failed after " + millis + " ms")
                    .hint("Bound the connect with the connect timeout, and do not retry in requestOnce()."));
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
        RequestFailedException e = Clients.failure("requestOnce() to fail at once when nothing listens",
                "A refused connect throws ConnectException at once.", () -> client.requestOnce("PING"));
        assertEquals(Failure.REFUSED, e.failure(), Feedback.expected("Failure.REFUSED when nothing listens on the"
                        + " port").but("it was " + e.failure())
                .hint("The kernel answers a SYN to a closed port with RST: ConnectException. Classify it as REFUSED."));
    }
}
