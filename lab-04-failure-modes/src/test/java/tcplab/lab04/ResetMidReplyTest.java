package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.proxy.Direction;
import tcplab.support.proxy.Event;
import tcplab.support.proxy.Fault;
import tcplab.support.proxy.FaultProxy;
import tcplab.support.proxy.Pipe;
import tcplab.support.proxy.ResetPeer;
import tcplab.support.teach.Feedback;

/** The proxy resets the connection in the middle of the reply: an idempotent request is retried once, others not. */
class ResetMidReplyTest {

    private static final String REQUEST = "hello, world";
    private static final int REPLY_BYTES_BEFORE_RESET = 5;

    private final ScriptedPeer server = ScriptedPeer.start(ScriptedPeer.ECHO);
    private final FaultProxy proxy = FaultProxy.to(server.port());

    ResetMidReplyTest() throws IOException {
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    /** Resets the first connection after five bytes of its reply, and lets every later one through. */
    private static final class ResetFirstConnection implements Fault {
        private final AtomicBoolean used = new AtomicBoolean();

        @Override
        public void handle(Event event, Pipe pipe) throws IOException, InterruptedException {
            boolean victim = pipe.state(() -> used.compareAndSet(false, true));
            if (victim && event.kind() == Event.Kind.DATA) {
                pipe.forward(event.first(Math.min(REPLY_BYTES_BEFORE_RESET, event.data().length)));
                pipe.reset();
                return;
            }
            pipe.forward(event);
        }
    }

    private ResilientClient client() {
        return new ResilientClient(Clients.settings(proxy.port(), 1_000, 1_000, 3_000, 50));
    }

    @Test
    @Points(2)
    void idempotentRequestIsRetriedOnceAfterReset() throws Throwable {
        proxy.add(Direction.DOWNSTREAM, new ResetFirstConnection());
        String reply = Clients.reply("the idempotent request to succeed on a second connection after a reset",
                "After a reset, retry an idempotent request once, on a new connection.",
                () -> client().request(REQUEST, true));
        assertEquals(REQUEST, reply, Feedback.expected("the whole reply from the second connection")
                .but("the reply was \"" + reply + "\"").hint("Never return the part read before a reset."));
        assertEquals(2, server.connections(), Feedback.expected("2 connections: the reset one and the retry")
                .but("the server saw " + server.connections())
                .hint("After a reset, retry an idempotent request once, on a new connection."));
    }

    @Test
    @Points(1)
    void nonIdempotentRequestReportsResetWithoutRetry() {
        proxy.add(Direction.DOWNSTREAM, ResetPeer.afterBytes(REPLY_BYTES_BEFORE_RESET));
        RequestFailedException e = Clients.failure("request() to fail once the connection was reset",
                "A reset ends the attempt: read() throws \"Connection reset\".",
                () -> client().request(REQUEST, false));
        assertEquals(Failure.RESET, e.failure(), Feedback.expected("Failure.RESET")
                .but("it was " + e.failure()).hint("\"Connection reset\" means RST: classify it as RESET."));
        assertEquals(1, server.connections(), Feedback.expected("no retry of a request that is not idempotent")
                .but("the server saw " + server.connections() + " connections")
                .hint("The server may have acted on it already; sending it again could do it twice."));
    }

    @Test
    @Points(1)
    void retryAfterResetHappensOnlyOnce() {
        proxy.add(Direction.DOWNSTREAM, ResetPeer.afterBytes(REPLY_BYTES_BEFORE_RESET));
        RequestFailedException e = Clients.failure("request() to fail once its retry was reset too",
                "Retry a request that was sent at most once.", () -> client().request(REQUEST, true));
        assertEquals(Failure.RESET, e.failure(), Feedback.expected("Failure.RESET")
                .but("it was " + e.failure()).hint("Report the last attempt's failure."));
        assertEquals(2, server.connections(), Feedback.expected("exactly one retry after a reset")
                .but("the server saw " + server.connections() + " connections")
                .hint("Retry a request that was sent at most once."));
    }
}
