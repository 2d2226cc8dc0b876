package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.teach.Feedback;

/** The server sends back each line it receives, in order, on the same connection. */
class EchoTest {

    private final ServerFixture server = ServerFixture.onLoopback();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(2)
    void serverEchoesEachLine() throws Exception {
        server.withConnection((client, port) -> {
            for (String line : List.of("Hello Server", "second line", "third line")) {
                client.sendLine(line);
                String reply = client.readLine();
                assertEquals(line, reply, Feedback.expected("the server to echo \"" + line + "\"")
                        .but(reply == null ? "it closed the connection (EOF)" : "it answered \"" + reply + "\"")
                        .hint("Does echoLines() write back every line it reads, until readLine() returns null?"));
            }
        });
    }
}
