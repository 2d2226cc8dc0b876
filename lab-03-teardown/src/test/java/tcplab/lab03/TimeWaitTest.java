package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.kit.WarmUp;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.net.SocketPair;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.LastSeen;
import tcplab.support.teach.TcpAssertions;

/** TIME_WAIT lands on the side that sends the first FIN; the digest protocol puts it on the client. */
class TimeWaitTest {

    /** Each awaited event takes milliseconds on the reference; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    /**
     * A server that sends FIN right after its ERROR line does it within microseconds; this is far longer, and far
     * shorter than the server's DRAIN_TIMEOUT.
     */
    private static final Duration WAITS_FOR_FIN = Duration.ofMillis(300);

    private final TcpProbe probe = TcpProbe.system();
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(2)
    void timeWaitLandsOnClientThatClosesFirst() throws Exception {
        TcpAssertions.assumeCanShow(probe, TcpState.TIME_WAIT);
        int port = server.start();
        int clientPort;
        try (LineConnection client = LineConnection.open(port)) {
            clientPort = client.localPort();
            client.send(Requests.MIXED);
            client.shutdownOutput();
            client.readLine();
            assertEquals(-1, client.read(), Feedback.expected("the server's FIN after its reply line")
                    .but("more bytes came").hint("Write exactly one line, then close."));
        }

        TcpAssertions.awaitState(probe, clientPort, port, TcpState.TIME_WAIT, WITHIN,
                "the client's end, which sent the first FIN", "The side that closes first holds TIME_WAIT.");
        assertServerHoldsNothing(port, clientPort, "Close only after the client's FIN: then the client, not the"
                + " server, pays the TIME_WAIT.");
    }

    @Test
    @Points(2)
    void serverWaitsForClientFinAfterRefusingRequest() throws Exception {
        TcpAssertions.assumeCanShow(probe, TcpState.TIME_WAIT);
        int port = server.start();
        int clientPort;
        try (LineConnection client = LineConnection.open(port)) {
            clientPort = client.localPort();
            client.send(Requests.ofSize(HalfCloseServer.MAX_REQUEST_BYTES + 1));
            String reply = client.readLine();
            assertTrue(reply != null && reply.startsWith("ERROR"),
                    Feedback.expected("an ERROR line for a request over " + HalfCloseServer.MAX_REQUEST_BYTES
                                    + " bytes, before the client's FIN")
                            .but("the reply was " + (reply == null ? "EOF" : "\"" + reply + "\""))
                            .hint("Count the bytes as they come and refuse as soon as there are too many."));
            // Nothing, not even the server's FIN, may come while the client has not sent its own: the read times out.
            Socket socket = client.socket();
            socket.setSoTimeout((int) WAITS_FOR_FIN.toMillis());
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read(),
                    Feedback.expected("the server to wait for the client's FIN after the ERROR line, sending nothing"
                                    + " more, not even its own FIN, for " + WAITS_FOR_FIN.toMillis() + " ms")
                            .but("the client read EOF or more bytes: the server's FIN came first")
                            .hint("Do not call shutdownOutput() or close() after the ERROR line: drain() until the"
                                    + " client's FIN, then close. The side that sends the first FIN holds TIME_WAIT."));
        }

        assertServerHoldsNothing(port, clientPort, "After the ERROR line, drain() until the client's FIN, then close."
                + " A server that closes first collects a TIME_WAIT for every refused client.");
    }

    /** Shows the reverse case: when the server's side closes first, the TIME_WAIT is the server's. */
    @Test
    @WarmUp
    void timeWaitLandsOnServerWhenItClosesFirst() throws Exception {
        TcpAssertions.assumeCanShow(probe, TcpState.TIME_WAIT);
        try (SocketPair pair = SocketPair.open()) {
            Socket client = pair.writer();
            Socket serverSide = pair.reader();
            int serverPort = serverSide.getLocalPort();
            int clientPort = client.getLocalPort();
            serverSide.close();
            assertEquals(-1, client.getInputStream().read(), "the client reads the server's FIN as EOF");
            client.close();

            TcpAssertions.awaitState(probe, serverPort, clientPort, TcpState.TIME_WAIT,
                    WITHIN, "the server's end, which sent the first FIN", "The side that closes first waits.");
            TcpAssertions.awaitState(probe, clientPort, serverPort, TcpState.CLOSED, WITHIN,
                    "the client's end, which closed second", "The side that closes second goes through"
                            + " CLOSE_WAIT and LAST_ACK, and is gone once its FIN is acknowledged.");
        }
    }

    private void assertServerHoldsNothing(int port, int clientPort, String hint) {
        LastSeen.await(() -> probe.stateOf(port, clientPort), TcpState.CLOSED::equals, TcpAssertions.STEADY, WITHIN,
                state -> Feedback.expected("the server's end (127.0.0.1:" + port + " -> :" + clientPort
                                + ") to be gone once both sides closed")
                        .but("it was still " + state + " after " + TcpAssertions.seconds(WITHIN))
                        .hint(hint));
    }
}
