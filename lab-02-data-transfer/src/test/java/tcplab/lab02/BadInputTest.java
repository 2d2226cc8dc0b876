package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;
import tcplab.support.teach.Feedback;

/** The frame server answers bad input with an ERROR frame, closes that connection, and goes on serving others. */
class BadInputTest {

    private final EchoServer server = new EchoServer(Loopback.HOST, 0, EchoServer.Protocol.FRAMES);

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

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
            assertEquals(0, reply.length, Feedback.expected("no reply to a frame that announced 10 bytes but brought 4"
                            + " before the client's FIN, and then EOF")
                    .but("the server sent " + reply.length + " bytes")
                    .hint("readFrame() must read all 10 bytes or throw EOFException; never hand on part of a frame."));
        }
        assertServesAnotherClient(port);
    }

    private void assertErrorReply(int length) throws Exception {
        int port = server.start();
        try (LineConnection client = LineConnection.open(port)) {
            client.send(StreamFixture.header(length));

            String hint = "Catch ProtocolException from readFrame(), write one frame with \"ERROR \" and the reason,"
                    + " then close the connection. Never allocate a length you have not checked.";
            byte[] header = client.readBytes(4);
            assertEquals(4, header.length, Feedback.expected("an ERROR frame in answer to the length " + length)
                    .but("the server closed the connection after " + header.length + " bytes").hint(hint));
            int replyLength = ByteBuffer.wrap(header).getInt();
            assertTrue(replyLength >= 0 && replyLength <= 1024,
                    Feedback.expected("an ERROR frame of at most 1024 bytes").but("its length is " + replyLength).hint(hint));
            String reply = new String(client.readBytes(replyLength), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("ERROR"), Feedback.expected("a frame starting with ERROR")
                    .but("the server answered \"" + reply + "\"").hint(hint));
            assertEquals(-1, client.read(), Feedback.expected("the server to close the connection after the ERROR frame")
                    .but("it sent more").hint(hint));
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
                    Feedback.expected("the next client's frame \"hello\" to be echoed after the bad one")
                            .but("it was not")
                            .hint("One client's bad input must end only that client's connection."));
        }
    }
}
