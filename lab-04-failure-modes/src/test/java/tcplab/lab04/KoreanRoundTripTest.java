package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.net.LineConnection;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.teach.Messages;

/**
 * Korean text goes through the server and the client unchanged: both name UTF-8. The starter already does this
 * right; with US-ASCII as the tests' default charset, a change that relies on the default breaks it.
 */
@WarmUp
class KoreanRoundTripTest {

    private static final Messages MSG = Messages.of(KoreanRoundTripTest.class);

    private static final String KOREAN = "연결 종료: FIN, ACK";
    private static final String HINT = MSG.text("hint");

    @Test
    void serverEchoesKoreanLineUnchanged() throws Exception {
        try (ServerFixture server = new ServerFixture()) {
            server.start();
            LineConnection client = server.connect();
            client.sendLine(KOREAN);
            String reply = ServerFixture.readLine(client, MSG.text("echoed"), HINT);
            assertEquals(KOREAN, reply, MSG.feedback("serverEchoesKoreanLineUnchanged", KOREAN, reply, HINT));
        }
    }

    @Test
    void clientSendsAndReadsKoreanUnchanged() throws IOException {
        try (ScriptedPeer echo = ScriptedPeer.start(Clients.ECHO_SERVER)) {
            ResilientClient client = new ResilientClient(Clients.settings(echo.port(), 1_000, 1_000, 3_000, 50));
            String reply = Clients.reply(MSG.text("back"), HINT,
                    () -> client.requestOnce(KOREAN));
            assertEquals(KOREAN, reply, MSG.feedback("clientSendsAndReadsKoreanUnchanged", KOREAN, reply, HINT));
        }
    }
}
