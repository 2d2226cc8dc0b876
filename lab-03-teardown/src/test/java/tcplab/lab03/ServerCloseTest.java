package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;

/** When the server closes before its reply is complete, the client reports it: no hang, no NullPointerException. */
class ServerCloseTest {

    private static final Messages MSG = Messages.of(ServerCloseTest.class);

    private static final String BLOCKED = MSG.feedback("blocked", StudentCode.WITHIN.toSeconds());

    @AutoClose
    private ScriptedPeer peer;
    @AutoClose
    private HalfCloseClient client;

    @Test
    @Points(1)
    void clientReportsServerCloseBeforeReply() throws Exception {
        connectTo(ScriptedPeer.start(ScriptedPeer::readUntilFin));

        EOFException e = assertThrows(EOFException.class,
                () -> StudentCode.bounded(BLOCKED, () -> client.digest(Requests.MIXED)),
                MSG.feedback("clientReportsServerCloseBeforeReply"));
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
                () -> StudentCode.bounded(BLOCKED, () -> client.digest(Requests.MIXED)),
                MSG.feedback("clientReportsServerCloseInTheMiddleOfReply"));
        assertMessageNamesClose(e);
    }

    private void connectTo(ScriptedPeer started) throws Exception {
        peer = started;
        client = new HalfCloseClient("127.0.0.1", peer.port());
        client.connect();
    }

    private static void assertMessageNamesClose(EOFException e) {
        assertTrue(e.getMessage() != null && e.getMessage().contains("closed"),
                MSG.feedback("assertMessageNamesClose", e.getMessage()));
    }
}
