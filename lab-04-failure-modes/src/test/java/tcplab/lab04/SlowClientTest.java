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
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;
import tcplab.support.teach.SchedulingLag;
import tcplab.support.teach.TcpAssertions;

/** Slow, idle and non-reading clients do not hold up others, and are cut off at the idle timeout. */
class SlowClientTest {

    private static final Messages MSG = Messages.of(SlowClientTest.class);

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
            String reply = ServerFixture.readLineWithin(other, WITHIN,
                    MSG.feedback("slowlorisDoesNotBlockOtherClients", TcpAssertions.seconds(WITHIN)));
            assertEquals("PONG", reply, MSG.feedback("slowlorisDoesNotBlockOtherClients.2", reply));
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
                String line = ServerFixture.readLineWithin(idle, WITHIN,
                        MSG.feedback("serverClosesIdleConnectionAfterItsIdleTimeout", TcpAssertions.seconds(WITHIN)));
                long millis = Clients.millisSince(start);
                assertNull(line, MSG.feedback("serverClosesIdleConnectionAfterItsIdleTimeout.2", line));
                long latest = ServerFixture.IDLE_TIMEOUT_MILLIS + 2_500 + lag.millisFor(4);
                assertTrue(millis >= ServerFixture.IDLE_TIMEOUT_MILLIS - 50 && millis <= latest,
                        MSG.feedback("serverClosesIdleConnectionAfterItsIdleTimeout.3", latest, millis));
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
                String reply = ServerFixture.readLine(active, MSG.text("busyClient", requests,
                        Clients.millisSince(start)), MSG.text("busyClient.hint"));
                assertEquals("PONG", reply, MSG.feedback("idleTimeoutCountsFromTheLastReply", requests,
                        Clients.millisSince(start),
                        reply == null ? MSG.text("closedIt") : MSG.text("replyWas", reply)));
                lastReply = System.nanoTime();
            }
            String line = ServerFixture.readLineWithin(active, WITHIN,
                    MSG.feedback("idleTimeoutCountsFromTheLastReply.2", ACTIVE_IDLE_TIMEOUT_MILLIS,
                    TcpAssertions.seconds(WITHIN)));
            long quietMillis = Clients.millisSince(lastReply);
            assertNull(line, MSG.feedback("idleTimeoutCountsFromTheLastReply.3", line));
            long latest = ACTIVE_IDLE_TIMEOUT_MILLIS + 2_500 + lag.millisFor(4);
            assertTrue(quietMillis >= ACTIVE_IDLE_TIMEOUT_MILLIS - 50 && quietMillis <= latest,
                    MSG.feedback("idleTimeoutCountsFromTheLastReply.4", (ACTIVE_IDLE_TIMEOUT_MILLIS - 50), latest,
                    quietMillis));
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
                    () -> MSG.feedback("clientThatStopsReadingIsCutOffAtIdleTimeout",
                            TcpAssertions.seconds(CUT_OFF_WITHIN)));
            assertTrue(cutOffMillis.get() >= ServerFixture.IDLE_TIMEOUT_MILLIS - 50,
                    MSG.feedback("clientThatStopsReadingIsCutOffAtIdleTimeout.2", cutOffMillis.get()));
        }
    }
}
