package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.teach.Feedback;

/** When the server closes before its reply is complete, the client reports it: no hang, no NullPointerException. */
class ServerCloseTest {

    private static final String BLOCKED = Feedback.expected("digest() to return or throw once the server closed")
            .but("it is still blocked after " + Bounded.WITHIN.toSeconds() + " s")
            .hint("The server reads until your FIN: send it with shutdownOutput() (task L3-T1), then read until -1.");

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
    void clientReportsServerCloseBeforeReply() throws Exception {
        connectTo(ScriptedPeer.start(ScriptedPeer::readUntilFin));

        EOFException e = assertThrows(EOFException.class,
                () -> Bounded.call(BLOCKED, () -> client.digest(Requests.MIXED)),
                Feedback.expected("digest() to throw EOFException when the server closes without a reply")
                        .but("it did not")
                        .hint("At the server's FIN, read() returns -1 and readLine() returns null. Check for it, and"
                                + " throw new EOFException(\"the server closed the connection before ...\")."));
        assertMessageNamesClose(e);
    }

    @Test
    @Points(1)
    void clientReportsServerCloseInTheMiddleOfReply() throws Exception {
        connectTo(ScriptedPeer.start(socket -> {
            ScriptedPeer.readUntilFin(socket);
            OutputStream out = socket.getOutputStream();
            out.write("1234 5f2b".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }));

        EOFException e = assertThrows(EOFException.class,
                () -> Bounded.call(BLOCKED, () -> client.digest(Requests.MIXED)),
                Feedback.expected("digest() to throw EOFException when the server closes in the middle of its line")
                        .but("it did not")
                        .hint("A reply line is complete only with its \\n; bytes followed by EOF are a cut reply."));
        assertMessageNamesClose(e);
    }

    private void connectTo(ScriptedPeer started) throws Exception {
        peer = started;
        client = new HalfCloseClient("127.0.0.1", peer.port());
        client.connect();
    }

    private static void assertMessageNamesClose(EOFException e) {
        assertTrue(e.getMessage() != null && e.getMessage().contains("closed"),
                Feedback.expected("the EOFException's message to say that the server closed the connection")
                        .but("it was \"" + e.getMessage() + "\"")
                        .hint("The message is what the user of your client reads."));
    }
}
