package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.OutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;

/** The client half-closes after its request and still reads the whole reply that comes after its FIN. */
class HalfCloseClientTest {

    private static final Messages MSG = Messages.of(HalfCloseClientTest.class);

    private static final byte[] REPLY = Requests.ofSize(256 * 1024);

    @AutoClose
    private ScriptedPeer peer;
    @AutoClose
    private HalfCloseClient client;

    @Test
    @Points(2)
    void clientReadsWholeReplyAfterHalfClose() throws Exception {
        peer = ScriptedPeer.start(socket -> {
            ScriptedPeer.readUntilFin(socket);
            OutputStream out = socket.getOutputStream();
            out.write(REPLY);
            out.flush();
        });
        client = new HalfCloseClient("127.0.0.1", peer.port());
        client.connect();

        String hint = MSG.text("hint");
        byte[] reply = assertDoesNotThrow(() -> StudentCode.bounded(MSG.feedback("clientReadsWholeReplyAfterHalfClose",
                StudentCode.WITHIN.toSeconds(), hint), () -> client.exchange(Requests.MIXED)),
                MSG.feedback("clientReadsWholeReplyAfterHalfClose.2", hint));

        assertArrayEquals(REPLY, reply, MSG.feedback("clientReadsWholeReplyAfterHalfClose.3", REPLY.length,
                reply.length));
    }
}
