package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/** Bad input gets an error reply or a close, never a crash or a hang, and the server goes on serving. */
class BadInputTest {

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
                    // the server closed after its ERROR: expected
                } catch (UncheckedIOException e) {
                    // same
                }
            }, "flood");
            writer.setDaemon(true);
            writer.start();
            LineConnection other = server.connect();
            String reply = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                other.sendLine("PING");
                return other.readLine();
            }, Feedback.expected("another client to be served while one sends a line without end")
                    .but("it got nothing for 2 s")
                    .hint("Cap the line at maxLineBytes, and serve connections on separate workers."));
            assertEquals("PONG", reply);
        }
    }
}
