package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.teach.Feedback;

/** A peer that closes before its reply is complete: the write may succeed, but the request must fail. */
class ClosedPeerTest {

    private static final String ENDS = "requestOnce() to end once the peer closed";
    private static final String HINT = "read() returns -1 at the peer's FIN: stop reading there.";

    @Test
    @Points(2)
    void requestToPeerThatClosesIsReportedAsClosed() throws IOException {
        try (ScriptedPeer peer = ScriptedPeer.start(ScriptedPeer.CLOSE_AFTER_LINE)) {
            ResilientClient client = new ResilientClient(Clients.settings(peer.port(), 1_000, 1_000, 3_000, 50));
            RequestFailedException e = Clients.failure(ENDS, HINT, () -> client.requestOnce("PING"));
            assertEquals(Failure.CLOSED, e.failure(), Feedback.expected("Failure.CLOSED when the peer sends FIN instead"
                    + " of a reply").but("it was " + e.failure())
                    .hint("read() returning -1 (readLine() returning null) is the peer's FIN: no reply is coming."));
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
            assertEquals(Failure.CLOSED, e.failure(), Feedback.expected("Failure.CLOSED for a reply cut off by FIN"
                    + " before its newline").but("it was " + e.failure())
                    .hint("A line is complete only with its \\n; readLine() also returns a cut line at EOF."));
        }
    }
}
