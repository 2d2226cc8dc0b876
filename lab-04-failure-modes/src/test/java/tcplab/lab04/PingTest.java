package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Socket;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.teach.Feedback;

/** The server answers PING with PONG, and echoes any other line. */
@WarmUp
class PingTest {

    @Test
    void serverAnswersPingAndEchoes() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            Socket client = server.connect();
            ServerFixture.send(client, "PING\nhello\n");
            assertEquals("PONG", ServerFixture.readLine(client), Feedback.expected("PONG").but("another answer")
                    .hint("The starter already does this; did a change break it?"));
            assertEquals("hello", ServerFixture.readLine(client));
        }
    }
}
