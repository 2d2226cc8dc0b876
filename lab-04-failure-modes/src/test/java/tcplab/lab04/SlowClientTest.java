package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
import tcplab.support.teach.TcpAssertions;

/** Slow, idle and non-reading clients do not hold up others, and are cut off at the idle timeout. */
class SlowClientTest {

    @Test
    @Points(1)
    void slowlorisDoesNotBlockOtherClients() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection slow = server.connect();
            slow.send("PI".getBytes(UTF_8));
            LineConnection other = server.connect();
            String reply = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                other.sendLine("PING");
                return other.readLine();
            }, Feedback.expected("a second client to get PONG while the first sends its line slowly")
                    .but("it got nothing for 2 s").hint("Serve each connection on a worker of its own."));
            assertEquals("PONG", reply);
        }
    }

    @Test
    @Points(2)
    void serverClosesIdleConnectionAfterItsIdleTimeout() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection idle = server.connect();
            long start = System.nanoTime();
            String line = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> idle.readLine(),
                    Feedback.expected("the server to close an idle connection after its 500 ms idle timeout")
                            .but("it was still open after 3 s")
                            .hint("Start a timer per connection that closes it; restart it after each reply."));
            long millis = Clients.millisSince(start);
            assertNull(line, "expected FIN, not data");
            assertTrue(millis >= ServerFixture.IDLE_TIMEOUT_MILLIS - 50 && millis < 2_000,
                    Feedback.expected("the close between 450 and 2000 ms").but("after " + millis + " ms")
                            .hint("Close at the idle timeout, not before."));
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
            TcpAssertions.awaitCondition(() -> cutOff.get() != null, Duration.ofMillis(3_500),
                    () -> Feedback.expected("the server to close a connection whose client stopped reading, at its"
                                    + " 500 ms idle timeout").but("the connection was still open after 3.5 s")
                            .hint("A write to a client that does not read blocks once the window is full; the idle"
                                    + " timer must close the socket anyway, which ends the blocked write."));
            assertTrue(cutOffMillis.get() >= ServerFixture.IDLE_TIMEOUT_MILLIS - 50,
                    Feedback.expected("the cut-off at the 500 ms idle timeout, not before it")
                            .but("it came after " + cutOffMillis.get() + " ms")
                            .hint("A client that is slow to read is not yet idle; close only when the timer runs out."));
        }
    }
}
