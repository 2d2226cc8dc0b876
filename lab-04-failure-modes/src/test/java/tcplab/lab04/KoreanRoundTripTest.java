package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;

/**
 * Korean text goes through the server and the client unchanged: both name UTF-8. The starter already does this
 * right; with US-ASCII as the tests' default charset, a change that relies on the default breaks it.
 */
@WarmUp
class KoreanRoundTripTest {

    private static final String KOREAN = "연결 종료: FIN, ACK";
    private static final String HINT = "Name the charset, UTF_8, wherever bytes become text and back:"
            + " getBytes(UTF_8), toString(UTF_8), new String(bytes, UTF_8).";

    @Test
    void serverEchoesKoreanLineUnchanged() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.sendLine(KOREAN);
            String reply = ServerFixture.readLine(client, "the Korean line echoed", HINT);
            assertEquals(KOREAN, reply, Feedback.expected("\"" + KOREAN + "\" echoed unchanged")
                    .but("the reply was \"" + reply + "\"").hint(HINT));
        }
    }

    @Test
    void clientSendsAndReadsKoreanUnchanged() throws IOException {
        try (ScriptedPeer echo = ScriptedPeer.start(ScriptedPeer.ECHO)) {
            ResilientClient client = new ResilientClient(Clients.settings(echo.port(), 1_000, 1_000, 3_000, 50));
            String reply = Clients.reply("the Korean line back from an echo server", HINT,
                    () -> client.requestOnce(KOREAN));
            assertEquals(KOREAN, reply, Feedback.expected("\"" + KOREAN + "\" back unchanged")
                    .but("the reply was \"" + reply + "\"").hint(HINT));
        }
    }
}
