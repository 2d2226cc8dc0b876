package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/** A request line loses only its line end, \n or \r\n: the spaces in it are part of the request. */
class LineEndTest {

    @Test
    @Points(1)
    void onlyTheLineEndIsRemoved() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.send("  two spaces before and after  \r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = ServerFixture.readLine(client, "the line echoed", "Answer each line.");
            assertEquals("  two spaces before and after  ", reply, Feedback.expected("the line echoed with its"
                            + " spaces, without the \\r\\n").but("the reply was \"" + reply.replace("\r", "\\r") + "\"")
                    .hint("Remove the \\n, and a \\r just before it; strip() and trim() remove the spaces too."));
        }
    }
}
