package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;

/** digest() turns the server's reply line into a Digest, and an ERROR line into a ProtocolException. */
class DigestTest {

    private static final Messages MSG = Messages.of(DigestTest.class);

    private static final String HINT = MSG.text("hint");

    @AutoClose
    private ScriptedPeer peer;
    @AutoClose
    private HalfCloseClient client;

    @Test
    @Points(1)
    void digestReturnsTheServersCountAndSha256() throws Throwable {
        String sha256 = Requests.sha256(Requests.MIXED);
        connectTo(Requests.MIXED.length + " " + sha256 + "\n");

        HalfCloseClient.Digest digest = assertDoesNotThrow(() -> StudentCode.bounded(blocked(),
                () -> client.digest(Requests.MIXED)), MSG.feedback("digestReturnsTheServersCountAndSha256", HINT));
        assertEquals(new HalfCloseClient.Digest(Requests.MIXED.length, sha256), digest,
                MSG.feedback("digestReturnsTheServersCountAndSha256.2", digest));
    }

    @Test
    @Points(1)
    void digestReportsErrorLineAsProtocolException() throws Exception {
        connectTo("ERROR request over " + HalfCloseServer.MAX_REQUEST_BYTES + " bytes\n");

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> StudentCode.bounded(blocked(), () -> client.digest(Requests.MIXED)),
                MSG.feedback("digestReportsErrorLineAsProtocolException"));
        assertTrue(e.getMessage() != null && e.getMessage().contains("ERROR"),
                MSG.feedback("digestReportsErrorLineAsProtocolException.2", e.getMessage()));
    }

    private String blocked() {
        return MSG.feedback("blocked", StudentCode.WITHIN.toSeconds(), HINT);
    }

    private void connectTo(String replyLine) throws Exception {
        byte[] reply = replyLine.getBytes(StandardCharsets.US_ASCII);
        peer = ScriptedPeer.start(socket -> {
            ScriptedPeer.readUntilFin(socket);
            OutputStream out = socket.getOutputStream();
            out.write(reply);
            out.flush();
        });
        client = new HalfCloseClient("127.0.0.1", peer.port());
        client.connect();
    }
}
