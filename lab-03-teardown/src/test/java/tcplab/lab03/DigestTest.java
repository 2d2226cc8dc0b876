package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.teach.Feedback;

/** digest() turns the server's reply line into a Digest, and an ERROR line into a ProtocolException. */
class DigestTest {

    private static final String HINT = "digest() sends the request with exchange(), which half-closes (task L3-T1),"
            + " then reads the reply until the server's FIN.";

    private ScriptedPeer peer;
    private HalfCloseClient client;

    @AfterEach
    void closeBoth() throws Exception {
        if (client != null) {
            client.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    @Points(1)
    void digestReturnsTheServersCountAndSha256() throws Throwable {
        String sha256 = Requests.sha256(Requests.MIXED);
        connectTo(Requests.MIXED.length + " " + sha256 + "\n");

        HalfCloseClient.Digest digest = assertDoesNotThrow(() -> Bounded.call(blocked(),
                () -> client.digest(Requests.MIXED)), Feedback.expected("digest() to return the server's digest")
                .but("it threw").hint(HINT));
        assertEquals(new HalfCloseClient.Digest(Requests.MIXED.length, sha256), digest,
                Feedback.expected("the byte count and SHA-256 of the server's line").but("digest() returned " + digest)
                        .hint("Split the line at the space: the count, then the hex digest."));
    }

    @Test
    @Points(1)
    void digestReportsErrorLineAsProtocolException() throws Exception {
        connectTo("ERROR request over " + HalfCloseServer.MAX_REQUEST_BYTES + " bytes\n");

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> Bounded.call(blocked(), () -> client.digest(Requests.MIXED)),
                Feedback.expected("digest() to throw ProtocolException when the server answers ERROR")
                        .but("it returned, or threw something else")
                        .hint("Check the line before parsing it: a line that starts with ERROR, or is not"
                                + " \"<count> <hex>\", is not a digest."));
        assertTrue(e.getMessage() != null && e.getMessage().contains("ERROR"),
                Feedback.expected("the ProtocolException's message to quote the server's ERROR line")
                        .but("it was \"" + e.getMessage() + "\"").hint("The message is what the user reads."));
    }

    private String blocked() {
        return Feedback.expected("digest() to return once the server closed")
                .but("it is still blocked after " + Bounded.WITHIN.toSeconds() + " s").hint(HINT);
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
