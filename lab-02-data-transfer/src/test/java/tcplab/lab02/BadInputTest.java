package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Messages;

/** The frame server answers bad input with an ERROR frame, closes that connection, and goes on serving others. */
class BadInputTest {

    private static final Messages MSG = Messages.of(BadInputTest.class);

    @AutoClose
    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.FRAMES);

    @Test
    @Points(1)
    void serverAnswersNegativeLengthWithError() throws Exception {
        assertErrorReply(-1);
    }

    @Test
    @Points(1)
    void serverAnswers2GiBHeaderWithError() throws Exception {
        assertErrorReply(Integer.MAX_VALUE);
    }

    @Test
    @Points(1)
    void serverEchoesNothingOfAnUnfinishedFrame() throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            client.send(StreamFixture.header(10));
            client.send(new byte[] {1, 2, 3, 4});
            client.shutdownOutput();

            byte[] reply = client.readBytes(64);
            assertEquals(0, reply.length, MSG.feedback("serverEchoesNothingOfAnUnfinishedFrame", reply.length));
        }
        assertServesAnotherClient(port);
    }

    private void assertErrorReply(int length) throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            client.send(StreamFixture.header(length));

            String hint = MSG.text("hint");
            byte[] header = client.readBytes(4);
            assertEquals(4, header.length, MSG.feedback("assertErrorReply", length, header.length, hint));
            int replyLength = ByteBuffer.wrap(header).getInt();
            assertTrue(replyLength >= 0 && replyLength <= 1024,
                    MSG.feedback("assertErrorReply.2", replyLength, hint));
            String reply = new String(client.readBytes(replyLength), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("ERROR"), MSG.feedback("assertErrorReply.3", reply, hint));
            assertEquals(-1, client.read(), MSG.feedback("assertErrorReply.4", hint));
        }
        assertServesAnotherClient(port);
    }

    private static void assertServesAnotherClient(int port) throws Exception {
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        try (LineConnection next = LineConnection.open(port)) {
            next.send(StreamFixture.header(hello.length));
            next.send(hello);
            byte[] expected = ByteBuffer.allocate(4 + hello.length).putInt(hello.length).put(hello).array();
            assertArrayEquals(expected, next.readBytes(expected.length),
                    MSG.feedback("assertServesAnotherClient"));
        }
    }
}
