package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.SocketPair;
import tcplab.support.teach.Messages;

/** A message written through a buffered stream reaches the peer at once, while the connection stays open. */
class FlushTest {

    private static final Messages MSG = Messages.of(FlushTest.class);

    private static final String HINT = MSG.text("hint");

    @AutoClose
    private final SocketPair pair = SocketPair.open();

    FlushTest() throws Exception {
    }

    @Test
    @Points(1)
    void writeLineReachesThePeerWhileConnectionStaysOpen() throws Exception {
        OutputStream buffered = new BufferedOutputStream(pair.writer().getOutputStream());
        Framing.writeLine(buffered, "ping");

        assertArrives("ping\n".getBytes(StandardCharsets.UTF_8), "writeLine(\"ping\")");
    }

    @Test
    @Points(1)
    void writeFrameReachesThePeerWhileConnectionStaysOpen() throws Exception {
        OutputStream buffered = new BufferedOutputStream(pair.writer().getOutputStream());
        Framing.writeFrame(buffered, new byte[] {'p', 'i', 'n', 'g'});

        assertArrives(new byte[] {0, 0, 0, 4, 'p', 'i', 'n', 'g'}, "writeFrame(\"ping\")");
    }

    private void assertArrives(byte[] expected, String call) {
        String message = MSG.feedback("assertArrives", call, HINT);
        byte[] received = assertDoesNotThrow(() -> pair.reader().getInputStream().readNBytes(expected.length), message);
        assertArrayEquals(expected, received, message);
    }
}
