package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** Bad input gets an error reply or a close, never a crash or a hang, and the server goes on serving. */
class BadInputTest {

    /** The reference answers within milliseconds; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    @Points(1)
    void lineOverTheLimitGetsErrorAndFin() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.send(("x".repeat(100) + "\n").getBytes(UTF_8));
            String answer = ServerFixture.readToEnd(client, "ERROR and a FIN for a 100-byte line (limit 64)",
                    "Stop reading at maxLineBytes, answer ERROR, and close the connection.");
            assertTrue(answer.startsWith("ERROR") && answer.endsWith("\n") && answer.lines().count() == 1,
                    Feedback.expected("one line starting with ERROR, then FIN, for a 100-byte line (limit 64)")
                            .but("the server sent \"" + answer.replace("\n", "\\n") + "\"")
                            .hint("Stop reading at maxLineBytes: a line is not echoed past the limit."));
        }
    }

    @Test
    @Points(1)
    void binaryJunkGetsErrorAndFin() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0x80, '\n'});
            String answer = ServerFixture.readToEnd(client, "ERROR and a FIN for a line that is not UTF-8",
                    "Decode with a CharsetDecoder that reports errors, then answer ERROR and close.");
            assertTrue(answer.startsWith("ERROR"), Feedback.expected("a line starting with ERROR, then FIN, for bytes"
                    + " that are not UTF-8").but("the server sent \"" + answer.replace("\n", "\\n") + "\"")
                    .hint("Decode with a CharsetDecoder that reports errors, not one that replaces them."));
        }
    }

    @Test
    @Points(1)
    void partialLineGetsNoReply() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.send("PIN".getBytes(UTF_8));
            client.shutdownOutput();
            String answer = ServerFixture.readToEnd(client, "a FIN after the client's FIN cut a line off",
                    "When read() returns -1, close the connection.");
            assertEquals("", answer, Feedback.expected("FIN and nothing else for a line cut off by the client's FIN")
                    .but("the server sent \"" + answer.replace("\n", "\\n") + "\"")
                    .hint("A line without its \\n is incomplete; readLine() returns it anyway."));
        }
    }

    @Test
    @Points(1)
    void endlessLineDoesNotStopTheServer() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection flood = server.connect();
            Thread writer = new Thread(() -> {
                try {
                    flood.send(("x".repeat(1 << 20)).getBytes(UTF_8));
                } catch (IOException e) {
                    LoggerFactory.getLogger(BadInputTest.class).debug("the flood ended: {}", e.toString());
                }
            }, "flood");
            writer.setDaemon(true);
            writer.start();
            LineConnection other = server.connect();
            other.sendLine("PING");
            String reply = ServerFixture.readLineWithin(other, WITHIN, Feedback.expected("another client to be served"
                            + " while one sends a line without end").but("it got nothing for "
                            + TcpAssertions.seconds(WITHIN))
                    .hint("Cap the line at maxLineBytes, and serve connections on separate workers."));
            assertEquals("PONG", reply, Feedback.expected("PONG").but("the reply was \"" + reply + "\"")
                    .hint("Answer PING with PONG."));
        }
    }

    /**
     * A line that never ends: 256 KiB without a newline, and the connection stays open. The server must answer ERROR
     * as soon as the line passes the limit, holding no more than the limit; one that waits for the newline before
     * checking the length buffers without end and never answers.
     */
    @Test
    @Points(1)
    void lineThatNeverEndsGetsErrorAtTheLimit() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection flood = server.connect();
            byte[] endless = "x".repeat(256 * 1024).getBytes(UTF_8);
            Thread writer = new Thread(() -> {
                try {
                    flood.send(endless);
                } catch (IOException e) {
                    LoggerFactory.getLogger(BadInputTest.class).debug("the flood ended: {}", e.toString());
                }
            }, "endless-line");
            writer.setDaemon(true);
            writer.start();
            String answer = ServerFixture.readLineWithin(flood, WITHIN, Feedback.expected("ERROR as soon as a line"
                            + " without end passes the " + ServerFixture.MAX_LINE_BYTES + "-byte limit")
                    .but("nothing came within " + TcpAssertions.seconds(WITHIN) + " while the client kept sending")
                    .hint("Check the length at every byte, not when the newline comes: a line may never end."));
            assertTrue(answer != null && answer.startsWith("ERROR"), Feedback.expected("a line starting with ERROR")
                    .but("the server sent " + (answer == null ? "only FIN" : "\"" + answer + "\""))
                    .hint("Stop reading at maxLineBytes, answer ERROR, and close."));
        }
    }
}
