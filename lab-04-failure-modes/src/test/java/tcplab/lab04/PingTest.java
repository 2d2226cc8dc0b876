package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Messages;

/** The server answers PING with PONG, and echoes any other line. */
@WarmUp
class PingTest {

    private static final Messages MSG = Messages.of(PingTest.class);

    @Test
    void serverAnswersPingAndEchoes() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.sendLine("PING");
            client.sendLine("hello");
            assertEquals("PONG", client.readLine(), MSG.feedback("serverAnswersPingAndEchoes"));
            assertEquals("hello", client.readLine(), MSG.feedback("serverAnswersPingAndEchoes.2"));
        }
    }
}
