package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** A refused request's trailing bytes are drained before the close, so the client reads the reply and a FIN. */
class DrainBeforeCloseTest {

    private static final int TRAILING_BYTES = 256 * 1024;
    private static final Duration WITHIN = Duration.ofSeconds(2);

    private final TcpProbe probe = TcpProbe.system();
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(2)
    void clientReadsErrorReplyWithoutReset() throws Throwable {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] request = Requests.ofSize(HalfCloseServer.MAX_REQUEST_BYTES + TRAILING_BYTES);
            CompletableFuture<Void> sending = Bounded.start(() -> {
                client.send(request);
                client.shutdownOutput();
                return null;
            });

            String reply = client.readLine();
            assertTrue(reply != null && reply.startsWith("ERROR"), Feedback.expected("an ERROR line for a request"
                            + " of " + request.length + " bytes, over the limit of " + HalfCloseServer.MAX_REQUEST_BYTES)
                    .but("the reply was " + (reply == null ? "EOF" : "\"" + reply + "\""))
                    .hint("Count the request's bytes as they come and answer ERROR once there are too many."));
            int end = assertDoesNotThrow(client::read, Feedback.expected("the server's FIN after the ERROR line")
                    .but("the connection was reset")
                    .hint("Closing a socket with unread bytes sends RST, not FIN, and an RST can destroy the reply"
                            + " before the client reads it. drain() what the client still sends, up to its FIN,"
                            + " then close."));
            assertEquals(-1, end, Feedback.expected("EOF after the ERROR line").but("more bytes came")
                    .hint("Send the ERROR line once, then close."));
            assertDoesNotThrow(() -> Bounded.await(sending, "the client could not send its trailing bytes"),
                    Feedback.expected("every byte of the request to be accepted").but("sending failed")
                            .hint("The server must keep reading (and dropping) until the client's FIN."));

            // Both FINs went out and were acknowledged: the client's end waits in TIME_WAIT. After an RST it is gone.
            TcpAssertions.assumeCanShow(probe, TcpState.TIME_WAIT);
            TcpAssertions.awaitState(probe, client.localPort(), port, TcpState.TIME_WAIT, WITHIN,
                    "the client's end, after its FIN and the server's FIN", "If the client's end is CLOSED, the"
                            + " server answered the client's last bytes with RST: it closed before the client's FIN."
                            + " drain() until read() returns -1, then close.");
        }
    }
}
