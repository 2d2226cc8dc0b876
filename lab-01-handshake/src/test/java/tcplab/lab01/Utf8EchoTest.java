package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.teach.Messages;

/** Korean text sent in UTF-8 comes back byte for byte. */
class Utf8EchoTest {

    private static final Messages MSG = Messages.of(Utf8EchoTest.class);

    private static final String KOREAN = "3-way handshake는 연결 설정, 4-way handshake는 연결 해제입니다";

    @AutoClose
    private final ServerFixture server = ServerFixture.onLoopback();

    @Test
    @Points(1)
    void koreanTextComesBackByteForByte() throws Exception {
        byte[] sent = KOREAN.getBytes(StandardCharsets.UTF_8);
        server.withConnection((client, port) -> {
            client.sendLine(KOREAN);
            byte[] received = client.readLineBytes();
            assertArrayEquals(sent, received, MSG.feedback("koreanTextComesBackByteForByte", sent.length, KOREAN,
                    received == null ? MSG.text("serverEof")
                            : MSG.text("cameBack", received.length, new String(received, StandardCharsets.UTF_8))));
        });
    }
}
