package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.net.SlowWriter;
import tcplab.support.teach.Messages;

/** The server reads the request until the client's FIN, then answers with its byte count and SHA-256. */
class HalfCloseTest {

    private static final Messages MSG = Messages.of(HalfCloseTest.class);

    @AutoClose
    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @Test
    @Points(2)
    void serverRepliesWithCountAndSha256AfterClientHalfCloses() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            SlowWriter.tinyPieces().write(client.socket(), Requests.MIXED);
            client.shutdownOutput();

            assertEquals(Requests.digestLine(Requests.MIXED), client.readLine(),
                    MSG.feedback("serverRepliesWithCountAndSha256AfterClientHalfCloses", Requests.MIXED.length));
        }
    }
}
