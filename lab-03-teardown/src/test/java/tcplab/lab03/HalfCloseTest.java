package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.net.Slicer;
import tcplab.support.teach.Feedback;

/** The server reads the request until the client's FIN, then answers with its byte count and SHA-256. */
class HalfCloseTest {

    private final HalfCloseServer server = new HalfCloseServer(Loopback.HOST, 0);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(2)
    void serverRepliesWithCountAndSha256AfterClientHalfCloses() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            Slicer.tinyPieces().write(client.socket(), Requests.MIXED);
            client.shutdownOutput();

            assertEquals(Requests.digestLine(Requests.MIXED), client.readLine(),
                    Feedback.expected("the reply \"<byte count> <sha256 hex>\" for a request of "
                                    + Requests.MIXED.length + " bytes sent in small pieces and ended with FIN")
                            .but("the reply differs")
                            .hint("Read until read() returns -1: that is the client's FIN, the end of the request."
                                    + " One read() is not the whole request, and a request is bytes, not lines."));
        }
    }
}
