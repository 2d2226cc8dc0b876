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
import tcplab.support.net.Slicer;
import tcplab.support.net.SocketPair;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** A refused request's trailing bytes are drained before the close, so the client reads the reply and a FIN. */
class DrainBeforeCloseTest {

    private static final int TRAILING_BYTES = 256 * 1024;
    /** 10 pieces of 512 bytes, 50 ms apart: the whole trickle fits well inside DRAIN_TIMEOUT, even under load. */
    private static final Slicer TRICKLE = new Slicer(512, Duration.ofMillis(50));
    private static final int TRICKLE_BYTES = 10 * 512;
    /** Each awaited event takes milliseconds on the reference; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

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

    /** After its ERROR line, the server keeps reading while the client trickles its last bytes, then FIN follows. */
    @Test
    @Points(2)
    void serverDrainsClientThatKeepsWritingSmallPiecesAfterRefusal() throws Throwable {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] overLimit = Requests.ofSize(HalfCloseServer.MAX_REQUEST_BYTES + 1);
            CompletableFuture<Void> sending = Bounded.start(() -> {
                client.send(overLimit);
                return null;
            });
            String reply = client.readLine();
            assertEquals("ERROR request over " + HalfCloseServer.MAX_REQUEST_BYTES + " bytes", reply,
                    Feedback.expected("the line \"ERROR request over " + HalfCloseServer.MAX_REQUEST_BYTES
                                    + " bytes\" for a request of " + overLimit.length + " bytes")
                            .but("the reply was " + (reply == null ? "EOF" : "\"" + reply + "\""))
                            .hint("Count the request's bytes as they come and answer ERROR once there are too many."));
            Bounded.await(sending, Feedback.expected("the server to read the first " + overLimit.length + " bytes")
                    .but("sending them was still blocked after " + Bounded.WITHIN.toSeconds() + " s")
                    .hint("Keep reading after the ERROR line: drain() what the client still sends."));

            // A slow client: its last bytes come in pieces, after the ERROR line, with pauses between them.
            assertDoesNotThrow(() -> TRICKLE.write(client.socket(), Requests.ofSize(TRICKLE_BYTES)),
                    Feedback.expected("the server to accept " + TRICKLE_BYTES + " more bytes, sent in pieces of "
                                    + TRICKLE.pieceBytes() + " after its ERROR line")
                            .but("a write failed: the server had closed, and its kernel answered the pieces with RST")
                            .hint("Closing right after the ERROR line turns the client's next bytes into a reset."
                                    + " drain() until read() returns -1 (the client's FIN), then close."));
            client.shutdownOutput();
            int end = assertDoesNotThrow(client::read, Feedback.expected("EOF, the server's FIN, after the client's"
                            + " FIN").but("the connection was reset")
                    .hint("drain() until the client's FIN, not only what has arrived so far, then close."));
            assertEquals(-1, end, Feedback.expected("EOF after the ERROR line").but("more bytes came")
                    .hint("Send the ERROR line once, then close."));
        }
    }

    /** A request of exactly the limit is answered with its digest; only a longer one is refused. */
    @Test
    @Points(1)
    void requestOfExactlyTheLimitGetsItsDigest() throws Throwable {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] request = Requests.ofSize(HalfCloseServer.MAX_REQUEST_BYTES);
            Bounded.call(Feedback.expected("the server to read a request of " + request.length + " bytes")
                    .but("sending it was still blocked after " + Bounded.WITHIN.toSeconds() + " s")
                    .hint("Read the request until the client's FIN."), () -> {
                client.send(request);
                client.shutdownOutput();
                return null;
            });
            String reply = client.readLine();
            assertEquals(Requests.digestLine(request), reply, Feedback.expected("the digest line for a request of"
                            + " exactly MAX_REQUEST_BYTES (" + request.length + ") bytes")
                    .but("the reply was " + (reply == null ? "EOF" : "\"" + reply + "\""))
                    .hint("Refuse only a request LONGER than the limit: compare with >, and read one byte past the"
                            + " limit before deciding."));
        }
    }

    /** A client that never sends its FIN after the refusal is closed once DRAIN_TIMEOUT has passed, not sooner. */
    @Test
    @Points(1)
    void drainGivesUpAfterItsTimeout() throws Throwable {
        try (SocketPair pair = SocketPair.open()) {
            pair.writer().getOutputStream().write(Requests.ofSize(1000));
            // No read timeout of the test's own: only drain() may end this wait.
            pair.reader().setSoTimeout(0);
            long start = System.nanoTime();
            boolean finArrived = Bounded.call(Feedback.expected("drain() to give up after DRAIN_TIMEOUT ("
                            + HalfCloseServer.DRAIN_TIMEOUT.toMillis() + " ms) when the client never sends FIN")
                    .but("it was still reading after " + Bounded.WITHIN.toSeconds() + " s")
                    .hint("Put a read timeout on the socket (setSoTimeout) and stop at a deadline: a client that"
                            + " never sends FIN must not keep a worker forever."),
                    () -> HalfCloseServer.drain(pair.reader()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            long timeout = HalfCloseServer.DRAIN_TIMEOUT.toMillis();
            assertTrue(!finArrived && millis >= timeout - 100, Feedback.expected("drain() to return false after"
                            + " waiting about " + timeout + " ms for a FIN that never comes")
                    .but("it returned " + finArrived + " after " + millis + " ms")
                    .hint("Read and drop until read() returns -1 (then return true) or the time is up (false)."));
        }
    }
}
