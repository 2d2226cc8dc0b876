package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Messages;

/** A request line loses only its line end, \n or \r\n: the spaces in it are part of the request. */
class LineEndTest {

    private static final Messages MSG = Messages.of(LineEndTest.class);

    @Test
    @Points(1)
    void onlyTheLineEndIsRemoved() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.send("  two spaces before and after  \r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = ServerFixture.readLine(client, MSG.text("echoed"), MSG.text("echoed.hint"));
            assertEquals("  two spaces before and after  ", reply, MSG.feedback("onlyTheLineEndIsRemoved",
                    reply.replace("\r", "\\r")));
        }
    }
}
