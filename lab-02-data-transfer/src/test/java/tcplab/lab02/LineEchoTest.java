package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Feedback;

/**
 * The line server echoes a Korean line byte for byte. The tests run with US-ASCII as the platform default, so a
 * server that decodes or encodes with the default sends back question marks.
 */
class LineEchoTest {

    private static final String HINT = "Read and write lines with Framing.readLine() and Framing.writeLine(), which"
            + " name StandardCharsets.UTF_8; a reader or writer without a charset uses the platform default.";

    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.LINES);

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    @Points(1)
    void serverEchoesKoreanLineByteForByte() throws Exception {
        int port = server.start();
        byte[] sent = StreamFixture.KOREAN.getBytes(StandardCharsets.UTF_8);
        try (LineConnection client = LineConnection.open(port)) {
            client.sendLine(StreamFixture.KOREAN);

            byte[] received = assertDoesNotThrow(client::readLineBytes, Feedback.expected("the Korean line echoed")
                    .but("nothing came back").hint(HINT + " Does writeLine() flush?"));
            assertArrayEquals(sent, received, Feedback.expected("the " + sent.length + " UTF-8 bytes of the Korean"
                            + " line to come back unchanged")
                    .but(received == null ? "the server closed the connection (EOF)"
                            : received.length + " bytes came back, which read as UTF-8 are \""
                                    + new String(received, StandardCharsets.UTF_8) + "\"")
                    .hint(HINT));
        }
    }
}
