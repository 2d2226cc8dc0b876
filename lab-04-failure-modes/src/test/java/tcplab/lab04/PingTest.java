package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/** The server answers PING with PONG, and echoes any other line. */
@WarmUp
class PingTest {

    @Test
    void serverAnswersPingAndEchoes() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.sendLine("PING");
            client.sendLine("hello");
            assertEquals("PONG", client.readLine(), Feedback.expected("PONG").but("another answer")
                    .hint("The starter already does this; did a change break it?"));
            assertEquals("hello", client.readLine(), Feedback.expected("the line echoed").but("another answer")
                    .hint("The starter already does this; did a change break it?"));
        }
    }
}
