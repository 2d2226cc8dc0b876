package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;
import tcplab.support.teach.TcpAssertions;

/**
 * While the server prepares its reply after the client's FIN, the kernel shows the client in FIN_WAIT_2 and the
 * server in CLOSE_WAIT.
 */
class FinWait2Test {

    private static final Messages MSG = Messages.of(FinWait2Test.class);

    /** Each awaited event takes milliseconds on the reference; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final byte[] REPLY = "the reply, sent after the client's FIN\n".getBytes(StandardCharsets.US_ASCII);

    private final TcpProbe probe = TcpProbe.system();
    private final CompletableFuture<Integer> sawFin = new CompletableFuture<>();
    private final CountDownLatch replyNow = new CountDownLatch(1);
    private ScriptedPeer peer;
    private HalfCloseClient client;

    @AfterEach
    void closeBoth() throws Exception {
        replyNow.countDown();
        if (client != null) {
            client.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    @Points(2)
    void clientWaitsInFinWait2WhileServerReplies() throws Throwable {
        TcpAssertions.assumeCanShow(probe, TcpState.FIN_WAIT_2);
        peer = ScriptedPeer.start(socket -> {
            ScriptedPeer.readUntilFin(socket);
            sawFin.complete(socket.getPort());
            replyNow.await(WITHIN.toMillis() * 2, TimeUnit.MILLISECONDS);
            OutputStream out = socket.getOutputStream();
            out.write(REPLY);
            out.flush();
        });
        client = new HalfCloseClient("127.0.0.1", peer.port());
        client.connect();
        int clientPort = client.localPort();
        CompletableFuture<byte[]> reply = StudentCode.start(() -> client.exchange(Requests.MIXED));

        TcpAssertions.awaitCondition(sawFin::isDone, WITHIN,
                () -> MSG.feedback("clientWaitsInFinWait2WhileServerReplies", TcpAssertions.seconds(WITHIN)));
        TcpAssertions.awaitState(probe, clientPort, peer.port(), TcpState.FIN_WAIT_2, WITHIN,
                MSG.text("clientEnd"),
                MSG.text("clientEnd.hint"));
        TcpAssertions.awaitState(probe, peer.port(), clientPort, TcpState.CLOSE_WAIT, WITHIN,
                MSG.text("serverEnd"), MSG.text("serverEnd.hint"));
        replyNow.countDown();

        assertArrayEquals(REPLY,
                StudentCode.await(reply, MSG.feedback("exchangeReturns", StudentCode.WITHIN.toSeconds())),
                MSG.feedback("clientWaitsInFinWait2WhileServerReplies.2"));
    }
}
