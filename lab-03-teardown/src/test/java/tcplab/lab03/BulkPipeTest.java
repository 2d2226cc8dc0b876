package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.EchoPeer;
import tcplab.support.teach.Messages;
import tcplab.support.teach.StudentCode;

/** The client pipes 16 MiB through an echo server without deadlock: it reads the echo while it still sends. */
class BulkPipeTest {

    private static final Messages MSG = Messages.of(BulkPipeTest.class);

    /** 16 MiB take a fraction of a second on loopback, a few seconds on a loaded machine; a deadlock takes forever. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private static final int SIZE = 16 * 1024 * 1024;

    @AutoClose
    private EchoPeer echo;
    @AutoClose
    private HalfCloseClient client;

    @Test
    @Points(2)
    void clientPipes16MiBThroughEchoServerWithoutDeadlock() throws Exception {
        byte[] request = Requests.ofSize(SIZE);
        echo = EchoPeer.start();
        client = new HalfCloseClient("127.0.0.1", echo.port());
        client.connect();
        ByteArrayOutputStream echoed = new ByteArrayOutputStream(SIZE);

        String hint = MSG.text("hint");
        assertDoesNotThrow(() -> StudentCode.await(StudentCode.start(() -> client.pipe(
                        new ByteArrayInputStream(request), echoed)), WITHIN,
                        MSG.feedback("clientPipes16MiBThroughEchoServerWithoutDeadlock", WITHIN.toSeconds(), hint)),
                MSG.feedback("clientPipes16MiBThroughEchoServerWithoutDeadlock.2", hint));

        assertEquals(Requests.sha256(request), Requests.sha256(echoed.toByteArray()),
                MSG.feedback("clientPipes16MiBThroughEchoServerWithoutDeadlock.3", echoed.size(), hint));
    }
}
