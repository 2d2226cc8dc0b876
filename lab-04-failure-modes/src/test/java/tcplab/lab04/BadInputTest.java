package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** Bad input gets an error reply or a close, never a crash or a hang, and the server goes on serving. */
class BadInputTest {

    private static final Messages MSG = Messages.of(BadInputTest.class);

    /** The reference answers within milliseconds; this is far longer, even on a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    @Points(1)
    void lineOverTheLimitGetsErrorAndFin() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.send(("x".repeat(100) + "\n").getBytes(UTF_8));
            String answer = ServerFixture.readToEnd(client, MSG.text("longLine"),
                    MSG.text("longLine.hint"));
            assertTrue(answer.startsWith("ERROR") && answer.endsWith("\n") && answer.lines().count() == 1,
                    MSG.feedback("lineOverTheLimitGetsErrorAndFin", answer.replace("\n", "\\n")));
        }
    }

    @Test
    @Points(1)
    void binaryJunkGetsErrorAndFin() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0x80, '\n'});
            String answer = ServerFixture.readToEnd(client, MSG.text("notUtf8"),
                    MSG.text("notUtf8.hint"));
            assertTrue(answer.startsWith("ERROR"), MSG.feedback("binaryJunkGetsErrorAndFin", answer.replace("\n",
                    "\\n")));
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
            String answer = ServerFixture.readToEnd(client, MSG.text("cutLine"),
                    MSG.text("cutLine.hint"));
            assertEquals("", answer, MSG.feedback("partialLineGetsNoReply", answer.replace("\n", "\\n")));
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
            String reply = ServerFixture.readLineWithin(other, WITHIN, MSG.feedback("endlessLineDoesNotStopTheServer",
                    TcpAssertions.seconds(WITHIN)));
            assertEquals("PONG", reply, MSG.feedback("endlessLineDoesNotStopTheServer.2", reply));
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
            String answer = ServerFixture.readLineWithin(flood, WITHIN,
                    MSG.feedback("lineThatNeverEndsGetsErrorAtTheLimit", ServerFixture.MAX_LINE_BYTES,
                    TcpAssertions.seconds(WITHIN)));
            assertTrue(answer != null && answer.startsWith("ERROR"),
                    MSG.feedback("lineThatNeverEndsGetsErrorAtTheLimit.2",
                    (answer == null ? MSG.text("onlyFin") : MSG.text("quoted", answer))));
        }
    }
}
