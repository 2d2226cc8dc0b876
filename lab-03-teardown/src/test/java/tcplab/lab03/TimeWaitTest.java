package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.kit.WarmUp;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.net.SocketPair;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.LastSeen;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** TIME_WAIT lands on the side that sends the first FIN; the digest protocol puts it on the client. */
class TimeWaitTest {

    private static final Messages MSG = Messages.of(TimeWaitTest.class);

    /** Each awaited event takes milliseconds on the reference; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    /**
     * A server that sends FIN right after its ERROR line does it within microseconds; this is far longer, and far
     * shorter than the server's DRAIN_TIMEOUT.
     */
    private static final Duration WAITS_FOR_FIN = Duration.ofMillis(300);

    private final TcpProbe probe = TcpProbe.system();
    @AutoClose
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

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
            assertEquals(-1, client.read(), MSG.feedback("timeWaitLandsOnClientThatClosesFirst"));
        }

        TcpAssertions.awaitState(probe, clientPort, port, TcpState.TIME_WAIT, WITHIN,
                MSG.text("clientEnd"), MSG.text("clientEnd.hint"));
        assertServerHoldsNothing(port, clientPort, MSG.text("clientFirst.hint"));
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
                    MSG.feedback("serverWaitsForClientFinAfterRefusingRequest", HalfCloseServer.MAX_REQUEST_BYTES,
                            (reply == null ? MSG.text("eof") : MSG.text("quoted", reply))));
            // Nothing, not even the server's FIN, may come while the client has not sent its own: the read times out.
            Socket socket = client.socket();
            socket.setSoTimeout((int) WAITS_FOR_FIN.toMillis());
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read(),
                    MSG.feedback("serverWaitsForClientFinAfterRefusingRequest.2", WAITS_FOR_FIN.toMillis()));
        }

        assertServerHoldsNothing(port, clientPort, MSG.text("refused.hint"));
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
            assertEquals(-1, client.getInputStream().read(), MSG.feedback("serverFinReadAsEof"));
            client.close();

            TcpAssertions.awaitState(probe, serverPort, clientPort, TcpState.TIME_WAIT,
                    WITHIN, MSG.text("serverEnd"), MSG.text("serverEnd.hint"));
            TcpAssertions.awaitState(probe, clientPort, serverPort, TcpState.CLOSED, WITHIN,
                    MSG.text("secondEnd"), MSG.text("secondEnd.hint"));
        }
    }

    private void assertServerHoldsNothing(int port, int clientPort, String hint) {
        LastSeen.await(() -> probe.stateOf(port, clientPort), TcpState.CLOSED::equals, TcpAssertions.STEADY, WITHIN,
                state -> MSG.feedback("assertServerHoldsNothing", port, clientPort, state,
                        TcpAssertions.seconds(WITHIN), hint));
    }
}
