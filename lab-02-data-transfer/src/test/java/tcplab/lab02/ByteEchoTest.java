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

/** The byte server echoes bytes as they arrive, while the client's side is still open: nothing waits for the FIN. */
class ByteEchoTest {

    private static final Messages MSG = Messages.of(ByteEchoTest.class);

    private static final String HINT = MSG.text("hint");

    @AutoClose
    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.BYTES);

    @Test
    @Points(1)
    void serverEchoesBytesBeforeTheClientsFin() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
            client.send(ping);

            byte[] echoed = assertDoesNotThrow(() -> client.readBytes(ping.length),
                    MSG.feedback("serverEchoesBytesBeforeTheClientsFin", HINT));
            assertArrayEquals(ping, echoed, MSG.feedback("serverEchoesBytesBeforeTheClientsFin.2", new String(echoed,
                    StandardCharsets.UTF_8), HINT));
        }
    }
}
