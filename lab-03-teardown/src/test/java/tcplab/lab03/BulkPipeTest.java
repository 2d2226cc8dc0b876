package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.EchoPeer;
import tcplab.support.teach.Feedback;

/** The client pipes 16 MiB through an echo server without deadlock: it reads the echo while it still sends. */
class BulkPipeTest {

    /** 16 MiB take a fraction of a second on loopback, a few seconds on a loaded machine; a deadlock takes forever. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private static final int SIZE = 16 * 1024 * 1024;

    private EchoPeer echo;
    private HalfCloseClient client;

    @AfterEach
    void closeBoth() throws Exception {
        if (client != null) {
            client.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    @Points(2)
    void clientPipes16MiBThroughEchoServerWithoutDeadlock() throws Exception {
        byte[] request = Requests.ofSize(SIZE);
        echo = EchoPeer.start();
        client = new HalfCloseClient("127.0.0.1", echo.port());
        client.connect();
        ByteArrayOutputStream echoed = new ByteArrayOutputStream(SIZE);

        String hint = "An echo server answers while the request is still coming. A client that writes everything"
                + " before it reads stops reading, both sides' buffers fill, the receive windows close, and both"
                + " block in write() for ever. Send on one thread and receive on another.";
        assertDoesNotThrow(() -> Bounded.await(Bounded.start(() -> client.pipe(new ByteArrayInputStream(request),
                        echoed)), WITHIN, Feedback.expected("16 MiB to go through the echo server within "
                        + WITHIN.toSeconds() + " s").but("pipe() is still blocked").hint(hint)),
                Feedback.expected("pipe() to send and receive 16 MiB through the echo server")
                        .but("it failed or blocked").hint(hint));

        assertEquals(Requests.sha256(request), Requests.sha256(echoed.toByteArray()),
                Feedback.expected("the 16 MiB sent to come back unchanged (SHA-256)")
                        .but(echoed.size() + " bytes came back").hint(hint));
    }
}
