package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.teach.Messages;

/** The server sends back each line it receives, in order, on the same connection. */
class EchoTest {

    private static final Messages MSG = Messages.of(EchoTest.class);

    @AutoClose
    private final ServerFixture server = ServerFixture.onLoopback();

    @Test
    @Points(2)
    void serverEchoesEachLine() throws Exception {
        server.withConnection((client, port) -> {
            for (String line : List.of("Hello Server", "second line", "third line")) {
                client.sendLine(line);
                String reply = client.readLine();
                assertEquals(line, reply, MSG.feedback("serverEchoesEachLine", line,
                        reply == null ? MSG.text("eof") : MSG.text("answered", reply)));
            }
        });
    }
}
