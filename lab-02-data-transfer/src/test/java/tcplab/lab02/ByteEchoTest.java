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

/** The byte server echoes bytes as they arrive, while the client's side is still open: nothing waits for the FIN. */
class ByteEchoTest {

    private static final String HINT = "In serveBytes(), copy as the bytes come: client.getInputStream()"
            + ".transferTo(client.getOutputStream()) writes each read at once; readAllBytes() waits for the FIN and"
            + " keeps everything in memory, and readLine() waits for a \\n.";

    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.BYTES);

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    @Points(1)
    void serverEchoesBytesBeforeTheClientsFin() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
            client.send(ping);

            byte[] echoed = assertDoesNotThrow(() -> client.readBytes(ping.length), Feedback.expected("the 4 bytes"
                            + " \"ping\", with no newline and no FIN after them, to come back while the connection stays"
                            + " open")
                    .but("nothing came back").hint(HINT));
            assertArrayEquals(ping, echoed, Feedback.expected("\"ping\" echoed")
                    .but("\"" + new String(echoed, StandardCharsets.UTF_8) + "\" came back").hint(HINT));
        }
    }
}
