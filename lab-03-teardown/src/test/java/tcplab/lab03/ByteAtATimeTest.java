package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;

/** The server answers a client that writes its request and reads the reply one byte at a time. */
class ByteAtATimeTest {

    private static final Messages MSG = Messages.of(ByteAtATimeTest.class);

    @AutoClose
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @Test
    @Points(2)
    void serverAnswersClientThatWritesAndReadsOneByteAtATime() throws Exception {
        byte[] photo = Requests.resource("photo.jpg");
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            OutputStream out = client.socket().getOutputStream();
            for (byte b : photo) {
                out.write(b);
            }
            client.shutdownOutput();

            assertEquals(Requests.digestLine(photo), client.readLine(),
                    MSG.feedback("serverAnswersClientThatWritesAndReadsOneByteAtATime", photo.length));
        }
    }
}
