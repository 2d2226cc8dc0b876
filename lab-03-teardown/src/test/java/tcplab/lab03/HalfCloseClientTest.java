package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.OutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.teach.Feedback;

/** The client half-closes after its request and still reads the whole reply that comes after its FIN. */
class HalfCloseClientTest {

    private static final byte[] REPLY = Requests.ofSize(256 * 1024);

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

        String hint = "The server answers only after your FIN. Send it with socket.shutdownOutput(), then read"
                + " until read() returns -1.";
        byte[] reply = assertDoesNotThrow(() -> Bounded.call(Feedback.expected("exchange() to return once the"
                                + " server closed").but("it is still blocked after " + Bounded.WITHIN.toSeconds() + " s")
                        .hint(hint), () -> client.exchange(Requests.MIXED)),
                Feedback.expected("exchange() to return the reply that the server sent after the client's FIN")
                        .but("it threw").hint(hint));

        assertArrayEquals(REPLY, reply, Feedback.expected("all " + REPLY.length + " bytes of the reply, which the"
                        + " server sent after the client's FIN")
                .but("exchange() returned " + reply.length + " bytes")
                .hint("Half-close with shutdownOutput(), not close(): close() gives up the receiving side too, and"
                        + " the reply then meets a closed socket."));
    }
}
