package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Feedback;

/** A client that stays connected and idle does not hold up another client: the server serves clients at once. */
class ConcurrentClientsTest {

    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);
    private final ServerLog log = new ServerLog();

    @AfterEach
    void stopServer() {
        server.close();
        log.close();
    }

    @Test
    @Points(2)
    void idleClientDoesNotHoldUpAnother() throws Throwable {
        int port = server.start();
        try (LineConnection idle = LineConnection.open(port); LineConnection busy = LineConnection.open(port)) {
            idle.send("the start of a request that never ends".getBytes(StandardCharsets.US_ASCII));
            log.awaitAccepted(idle.localPort());
            busy.send(Requests.MIXED);
            busy.shutdownOutput();
            // Longer than Bounded.WITHIN, so that Bounded's message, not the connection's, reports a hang.
            busy.socket().setSoTimeout((int) Bounded.WITHIN.plus(Duration.ofSeconds(1)).toMillis());

            String reply = Bounded.call(Feedback.expected("the second client to get its digest while the first stays"
                            + " connected and sends nothing")
                    .but("no reply came within " + Bounded.WITHIN.toSeconds() + " s")
                    .hint("Serve each client on a worker of its own (the given pool has " + HalfCloseServer.MAX_CLIENTS
                            + "), and never hold a lock or a shared resource while waiting for a client."),
                    busy::readLine);
            assertEquals(Requests.digestLine(Requests.MIXED), reply,
                    Feedback.expected("the digest line for the second client").but("the reply was \"" + reply + "\"")
                            .hint("Read until the client's FIN, then answer \"<byte count> <sha256 hex>\"."));
        }
    }
}
