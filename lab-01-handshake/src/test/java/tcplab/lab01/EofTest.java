package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** When the client sends FIN, the server closes its side too: the client reads EOF and the server's end is gone. */
class EofTest {

    private final ServerFixture server = ServerFixture.onLoopback();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(2)
    void serverClosesConnectionAfterClientEof() throws Exception {
        server.withConnection((client, port) -> {
            client.shutdownOutput();

            int first = client.read();
            assertEquals(-1, first, Feedback.expected("EOF (-1) after the client's FIN, with nothing sent")
                    .but("the server sent data first, starting with byte " + first)
                    .hint("When readLine() returns null the client has finished; leave the loop and close the"
                            + " socket without replying."));
            TcpAssertions.awaitState(TcpProbe.system(), port, client.localPort(), TcpState.CLOSED,
                    ServerFixture.WITHIN, "the server's end of the connection",
                    "Does serve() close the client's socket once echoLines() returns?");
        });
    }
}
