package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.teach.Messages;

/** A peer that closes before its reply is complete: the write may succeed, but the request must fail. */
class ClosedPeerTest {

    private static final Messages MSG = Messages.of(ClosedPeerTest.class);

    private static final String ENDS = MSG.text("ends");
    private static final String HINT = MSG.text("hint");

    @Test
    @Points(2)
    void requestToPeerThatClosesIsReportedAsClosed() throws IOException {
        try (ScriptedPeer peer = ScriptedPeer.start(ScriptedPeer.CLOSE_AFTER_LINE)) {
            ResilientClient client = new ResilientClient(Clients.settings(peer.port(), 1_000, 1_000, 3_000, 50));
            RequestFailedException e = Clients.failure(ENDS, HINT, () -> client.requestOnce("PING"));
            assertEquals(Failure.CLOSED, e.failure(), MSG.feedback("requestToPeerThatClosesIsReportedAsClosed",
                    e.failure()));
        }
    }

    @Test
    @Points(1)
    void cutReplyIsNotTakenForAReply() throws IOException {
        ScriptedPeer.Script cut = socket -> {
            ScriptedPeer.lines(socket).iterator().next();
            socket.getOutputStream().write("PO".getBytes(UTF_8));
        };
        try (ScriptedPeer peer = ScriptedPeer.start(cut)) {
            ResilientClient client = new ResilientClient(Clients.settings(peer.port(), 1_000, 1_000, 3_000, 50));
            RequestFailedException e = Clients.failure(ENDS, HINT, () -> client.requestOnce("PING"));
            assertEquals(Failure.CLOSED, e.failure(), MSG.feedback("cutReplyIsNotTakenForAReply", e.failure()));
        }
    }
}
