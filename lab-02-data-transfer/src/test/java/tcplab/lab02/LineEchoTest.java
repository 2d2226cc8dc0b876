package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;

/**
 * The line server echoes a Korean line byte for byte. The tests run with US-ASCII as the platform default, so a
 * server that decodes or encodes with the default sends back question marks.
 */
class LineEchoTest {

    private static final Messages MSG = Messages.of(LineEchoTest.class);

    private static final String HINT = MSG.text("hint");

    @AutoClose
    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.LINES);

    @Test
    @Points(1)
    void serverEchoesKoreanLineByteForByte() throws Exception {
        int port = server.start();
        byte[] sent = StreamFixture.KOREAN.getBytes(StandardCharsets.UTF_8);
        try (LineConnection client = LineConnection.open(port)) {
            client.sendLine(StreamFixture.KOREAN);

            byte[] received = assertDoesNotThrow(client::readLineBytes,
                    MSG.feedback("serverEchoesKoreanLineByteForByte", HINT));
            assertArrayEquals(sent, received, MSG.feedback("serverEchoesKoreanLineByteForByte.2", sent.length,
                    received == null ? MSG.text("serverEof") : MSG.text("cameBack", received.length,
                    new String(received, StandardCharsets.UTF_8)), HINT));
        }
    }
}
