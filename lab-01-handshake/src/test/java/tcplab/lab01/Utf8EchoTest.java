package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.teach.Feedback;

/** Korean text sent in UTF-8 comes back byte for byte. */
class Utf8EchoTest {

    private static final String KOREAN = "3-way handshake는 연결 설정, 4-way handshake는 연결 해제입니다";

    private final ServerFixture server = ServerFixture.onLoopback();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(1)
    void koreanTextComesBackByteForByte() throws Exception {
        byte[] sent = KOREAN.getBytes(StandardCharsets.UTF_8);
        server.withConnection((client, port) -> {
            client.sendLine(KOREAN);
            byte[] received = client.readLineBytes();
            assertArrayEquals(sent, received, Feedback.expected("the " + sent.length + " UTF-8 bytes of \"" + KOREAN
                            + "\" to come back unchanged")
                    .but(received == null ? "the server closed the connection (EOF)"
                            : received.length + " bytes came back, which read as UTF-8 are \""
                                    + new String(received, StandardCharsets.UTF_8) + "\"")
                    .hint("Give both the InputStreamReader and the writer StandardCharsets.UTF_8;"
                            + " the platform default may be another charset."));
        });
    }
}
