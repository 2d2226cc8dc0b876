package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.net.SlowWriter;
import tcplab.support.net.SocketPair;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;
import tcplab.support.teach.TcpAssertions;

/** A refused request's trailing bytes are drained before the close, so the client reads the reply and a FIN. */
class DrainBeforeCloseTest {

    private static final Messages MSG = Messages.of(DrainBeforeCloseTest.class);

    private static final int TRAILING_BYTES = 256 * 1024;
    /** 10 pieces of 512 bytes, 50 ms apart: the whole trickle fits well inside DRAIN_TIMEOUT, even under load. */
    private static final SlowWriter TRICKLE = new SlowWriter(512, Duration.ofMillis(50));
    private static final int TRICKLE_BYTES = 10 * 512;
    /** Each awaited event takes milliseconds on the reference; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final TcpProbe probe = TcpProbe.system();
    @AutoClose
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @Test
    @Points(2)
    void clientReadsErrorReplyWithoutReset() throws Throwable {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] request = Requests.ofSize(HalfCloseServer.MAX_REQUEST_BYTES + TRAILING_BYTES);
            CompletableFuture<Void> sending = StudentCode.start(() -> {
                client.send(request);
                client.shutdownOutput();
                return null;
            });

            String reply = client.readLine();
            assertTrue(reply != null && reply.startsWith("ERROR"), MSG.feedback("clientReadsErrorReplyWithoutReset",
                    request.length, HalfCloseServer.MAX_REQUEST_BYTES,
                    (reply == null ? MSG.text("eof") : MSG.text("quoted", reply))));
            int end = assertDoesNotThrow(client::read, MSG.feedback("clientReadsErrorReplyWithoutReset.2"));
            assertEquals(-1, end, MSG.feedback("clientReadsErrorReplyWithoutReset.3"));
            assertDoesNotThrow(() -> StudentCode.await(sending, MSG.text("trailingBlocked")),
                    MSG.feedback("clientReadsErrorReplyWithoutReset.4"));

            // Both FINs went out and were acknowledged: the client's end waits in TIME_WAIT. After an RST it is gone.
            TcpAssertions.assumeCanShow(probe, TcpState.TIME_WAIT);
            TcpAssertions.awaitState(probe, client.localPort(), port, TcpState.TIME_WAIT, WITHIN,
                    MSG.text("clientEnd"), MSG.text("clientEnd.hint"));
        }
    }

    /** After its ERROR line, the server keeps reading while the client trickles its last bytes, then FIN follows. */
    @Test
    @Points(2)
    void serverDrainsClientThatKeepsWritingSmallPiecesAfterRefusal() throws Throwable {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] overLimit = Requests.ofSize(HalfCloseServer.MAX_REQUEST_BYTES + 1);
            CompletableFuture<Void> sending = StudentCode.start(() -> {
                client.send(overLimit);
                return null;
            });
            String reply = client.readLine();
            assertEquals("ERROR request over " + HalfCloseServer.MAX_REQUEST_BYTES + " bytes", reply,
                    MSG.feedback("serverDrainsClientThatKeepsWritingSmallPiecesAfterRefusal",
                            HalfCloseServer.MAX_REQUEST_BYTES, overLimit.length,
                            (reply == null ? MSG.text("eof") : MSG.text("quoted", reply))));
            StudentCode.await(sending, MSG.feedback("serverDrainsClientThatKeepsWritingSmallPiecesAfterRefusal.2",
                    overLimit.length, StudentCode.WITHIN.toSeconds()));

            // A slow client: its last bytes come in pieces, after the ERROR line, with pauses between them.
            assertDoesNotThrow(() -> TRICKLE.write(client.socket(), Requests.ofSize(TRICKLE_BYTES)),
                    MSG.feedback("serverDrainsClientThatKeepsWritingSmallPiecesAfterRefusal.3", TRICKLE_BYTES,
                            TRICKLE.pieceBytes()));
            client.shutdownOutput();
            int end = assertDoesNotThrow(client::read,
                    MSG.feedback("serverDrainsClientThatKeepsWritingSmallPiecesAfterRefusal.4"));
            assertEquals(-1, end, MSG.feedback("serverDrainsClientThatKeepsWritingSmallPiecesAfterRefusal.5"));
        }
    }

    /** A request of exactly the limit is answered with its digest; only a longer one is refused. */
    @Test
    @Points(1)
    void requestOfExactlyTheLimitGetsItsDigest() throws Throwable {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] request = Requests.ofSize(HalfCloseServer.MAX_REQUEST_BYTES);
            StudentCode.bounded(MSG.feedback("requestOfExactlyTheLimitGetsItsDigest", request.length,
                    StudentCode.WITHIN.toSeconds()), () -> {
                client.send(request);
                client.shutdownOutput();
                return null;
            });
            String reply = client.readLine();
            assertEquals(Requests.digestLine(request), reply, MSG.feedback("requestOfExactlyTheLimitGetsItsDigest.2",
                    request.length, (reply == null ? MSG.text("eof") : MSG.text("quoted", reply))));
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
            boolean finArrived = StudentCode.bounded(MSG.feedback("drainGivesUpAfterItsTimeout",
                    HalfCloseServer.DRAIN_TIMEOUT.toMillis(), StudentCode.WITHIN.toSeconds()),
                    () -> HalfCloseServer.drain(pair.reader()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            long timeout = HalfCloseServer.DRAIN_TIMEOUT.toMillis();
            assertTrue(!finArrived && millis >= timeout - 100, MSG.feedback("drainGivesUpAfterItsTimeout.2", timeout,
                    finArrived, millis));
        }
    }
}
