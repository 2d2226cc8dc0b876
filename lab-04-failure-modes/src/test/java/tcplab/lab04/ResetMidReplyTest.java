package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.proxy.Direction;
import tcplab.support.proxy.Event;
import tcplab.support.proxy.Fault;
import tcplab.support.proxy.FaultProxy;
import tcplab.support.proxy.Pipe;
import tcplab.support.proxy.ResetPeer;
import tcplab.support.teach.Messages;

/** The proxy resets the connection in the middle of the reply: an idempotent request is retried once, others not. */
class ResetMidReplyTest {

    private static final Messages MSG = Messages.of(ResetMidReplyTest.class);

    private static final String REQUEST = "hello, world";
    private static final int REPLY_BYTES_BEFORE_RESET = 5;

    @AutoClose
    private final ScriptedPeer server = ScriptedPeer.start(Clients.ECHO_SERVER);
    @AutoClose
    private final FaultProxy proxy = FaultProxy.to(server.port());

    ResetMidReplyTest() throws IOException {
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
        String reply = Clients.reply(MSG.text("retried"),
                MSG.text("retried.hint"),
                () -> client().request(REQUEST, true));
        assertEquals(REQUEST, reply, MSG.feedback("idempotentRequestIsRetriedOnceAfterReset", reply));
        assertEquals(2, server.connections(), MSG.feedback("idempotentRequestIsRetriedOnceAfterReset.2",
                server.connections()));
    }

    @Test
    @Points(1)
    void nonIdempotentRequestReportsResetWithoutRetry() {
        proxy.add(Direction.DOWNSTREAM, ResetPeer.afterBytes(REPLY_BYTES_BEFORE_RESET));
        RequestFailedException e = Clients.failure(MSG.text("reset"),
                MSG.text("reset.hint"),
                () -> client().request(REQUEST, false));
        assertEquals(Failure.RESET, e.failure(), MSG.feedback("nonIdempotentRequestReportsResetWithoutRetry",
                e.failure()));
        assertEquals(1, server.connections(), MSG.feedback("nonIdempotentRequestReportsResetWithoutRetry.2",
                server.connections()));
    }

    @Test
    @Points(1)
    void retryAfterResetHappensOnlyOnce() {
        proxy.add(Direction.DOWNSTREAM, ResetPeer.afterBytes(REPLY_BYTES_BEFORE_RESET));
        RequestFailedException e = Clients.failure(MSG.text("resetTwice"),
                MSG.text("resetTwice.hint"), () -> client().request(REQUEST, true));
        assertEquals(Failure.RESET, e.failure(), MSG.feedback("retryAfterResetHappensOnlyOnce", e.failure()));
        assertEquals(2, server.connections(), MSG.feedback("retryAfterResetHappensOnlyOnce.2", server.connections()));
    }
}
