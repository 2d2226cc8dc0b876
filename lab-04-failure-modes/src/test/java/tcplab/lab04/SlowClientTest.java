package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.SchedulingLag;
import tcplab.support.teach.TcpAssertions;

/** Slow, idle and non-reading clients do not hold up others, and are cut off at the idle timeout. */
class SlowClientTest {

    /** The reference answers or closes within a second, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    /**
     * Before the idle timer can start to run, the server's send buffer and the client's receive buffer must fill with
     * unread echoes, which takes a while on a loaded machine; then 500 ms. A server without the timer never cuts off.
     */
    private static final Duration CUT_OFF_WITHIN = Duration.ofSeconds(11);
    /** Long enough that a busy client's requests, one after another, never leave a gap of it, even under load. */
    private static final long ACTIVE_IDLE_TIMEOUT_MILLIS = 1_000;

    @Test
    @Points(1)
    void slowlorisDoesNotBlockOtherClients() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection slow = server.connect();
            slow.send("PI".getBytes(UTF_8));
            LineConnection other = server.connect();
            other.sendLine("PING");
            String reply = ServerFixture.readLineWithin(other, WITHIN, Feedback.expected("a second client to get PONG"
                            + " while the first sends its line slowly")
                    .but("it got nothing for " + TcpAssertions.seconds(WITHIN))
                    .hint("Serve each connection on a worker of its own."));
            assertEquals("PONG", reply, Feedback.expected("PONG").but("the reply was \"" + reply + "\"")
                    .hint("Answer PING with PONG."));
        }
    }

    @Test
    @Points(2)
    void serverClosesIdleConnectionAfterItsIdleTimeout() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection idle = server.connect();
            try (SchedulingLag lag = SchedulingLag.start()) {
                long start = System.nanoTime();
                String line = ServerFixture.readLineWithin(idle, WITHIN, Feedback.expected("the server to close an idle"
                                + " connection after its 500 ms idle timeout")
                        .but("it was still open after " + TcpAssertions.seconds(WITHIN))
                        .hint("Start a timer per connection that closes it; restart it after each reply."));
                long millis = Clients.millisSince(start);
                assertNull(line, Feedback.expected("FIN from an idle connection")
                        .but("the server sent \"" + line + "\"")
                        .hint("Send nothing to a client that sent nothing."));
                long latest = ServerFixture.IDLE_TIMEOUT_MILLIS + 2_500 + lag.millisFor(4);
                assertTrue(millis >= ServerFixture.IDLE_TIMEOUT_MILLIS - 50 && millis <= latest,
                        Feedback.expected("the close between 450 and " + latest + " ms (the 500 ms idle timeout, with a"
                                        + " margin and this machine's scheduling lag)").but("after " + millis + " ms")
                                .hint("Close at the idle timeout, not before."));
            }
        }
    }

    /**
     * A client that keeps the server busy for two and a half idle timeouts is never cut off, because every reply
     * restarts the timer; once it goes quiet, the close comes one idle timeout after its last reply.
     */
    @Test
    @Points(1)
    void idleTimeoutCountsFromTheLastReply() throws Exception {
        try (ServerFixture server = new ServerFixture(ACTIVE_IDLE_TIMEOUT_MILLIS);
             SchedulingLag lag = SchedulingLag.start()) {
            server.start();
            LineConnection active = server.connect();
            long start = System.nanoTime();
            long lastReply = start;
            for (int requests = 1; Clients.millisSince(start) < ACTIVE_IDLE_TIMEOUT_MILLIS * 5 / 2; requests++) {
                active.sendLine("PING");
                String reply = ServerFixture.readLine(active, "PONG for request " + requests + " of a client that"
                        + " has been busy for " + Clients.millisSince(start) + " ms", "Restart the idle timer after"
                        + " each reply: it is for clients that do nothing, not for long-lived ones.");
                assertEquals("PONG", reply, Feedback.expected("PONG for request " + requests + ", "
                                + Clients.millisSince(start) + " ms into a busy connection")
                        .but(reply == null ? "the server closed it" : "the reply was \"" + reply + "\"")
                        .hint("Cancel the idle timer after each reply and start a new one."));
                lastReply = System.nanoTime();
            }
            String line = ServerFixture.readLineWithin(active, WITHIN, Feedback.expected("the server to close the"
                            + " connection " + ACTIVE_IDLE_TIMEOUT_MILLIS + " ms after its last reply")
                    .but("it was still open after " + TcpAssertions.seconds(WITHIN))
                    .hint("Start a timer per connection that closes it; restart it after each reply."));
            long quietMillis = Clients.millisSince(lastReply);
            assertNull(line, Feedback.expected("FIN once the client went quiet").but("the server sent \"" + line
                    + "\"").hint("Send nothing to a client that sent nothing."));
            long latest = ACTIVE_IDLE_TIMEOUT_MILLIS + 2_500 + lag.millisFor(4);
            assertTrue(quietMillis >= ACTIVE_IDLE_TIMEOUT_MILLIS - 50 && quietMillis <= latest, Feedback.expected(
                            "the close between " + (ACTIVE_IDLE_TIMEOUT_MILLIS - 50) + " and " + latest + " ms after"
                                    + " the last reply").but("it came " + quietMillis + " ms after it")
                    .hint("The idle timeout counts from the last reply, not from the connect."));
        }
    }

    @Test
    @Points(1)
    void clientThatStopsReadingIsCutOffAtIdleTimeout() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            int port = server.start();
            Socket greedy = new Socket();
            // A small receive window, so that the server's replies back up after a few kilobytes.
            greedy.setReceiveBufferSize(4096);
            greedy.connect(Loopback.at(port));
            // 60-byte requests keep coming and their echoes are never read. Once the server's writes block, it
            // stops reading too, and these writes block in turn, until the server closes: its close, with requests
            // still unread, sends RST, and the write fails. The client never closes first.
            AtomicReference<IOException> cutOff = new AtomicReference<>();
            long start = System.nanoTime();
            AtomicLong cutOffMillis = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte[] lines = ("x".repeat(60) + "\n").repeat(1_000).getBytes(StandardCharsets.US_ASCII);
                try (greedy) {
                    while (true) {
                        greedy.getOutputStream().write(lines);
                    }
                } catch (IOException e) {
                    cutOffMillis.set(Clients.millisSince(start));
                    cutOff.set(e);
                }
            }, "greedy-client");
            writer.setDaemon(true);
            writer.start();
            TcpAssertions.awaitCondition(() -> cutOff.get() != null, CUT_OFF_WITHIN,
                    () -> Feedback.expected("the server to close a connection whose client stopped reading, at its"
                                    + " 500 ms idle timeout").but("the connection was still open after "
                                    + TcpAssertions.seconds(CUT_OFF_WITHIN))
                            .hint("A write to a client that does not read blocks once the window is full; the idle"
                                    + " timer must close the socket anyway, which ends the blocked write."));
            assertTrue(cutOffMillis.get() >= ServerFixture.IDLE_TIMEOUT_MILLIS - 50,
                    Feedback.expected("the cut-off at the 500 ms idle timeout, not before it")
                            .but("it came after " + cutOffMillis.get() + " ms")
                            .hint("A client that is slow to read is not yet idle; close only when the timer runs out."));
        }
    }
}
