package tcplab.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.ScriptedPeer;
import tcplab.support.teach.Messages;
import tcplab.support.teach.SchedulingLag;
import tcplab.support.teach.TcpAssertions;

/** A peer that accepts and never answers: the client gives up at its read timeout, says so, and closes. */
class ReadTimeoutTest {

    private static final Messages MSG = Messages.of(ReadTimeoutTest.class);

    private static final int READ_TIMEOUT_MILLIS = 300;
    private static final String GIVES_UP = MSG.text("givesUp");
    private static final String HINT = MSG.text("hint");

    @AutoClose
    private final ScriptedPeer silent = start();

    private static ScriptedPeer start() {
        try {
            return ScriptedPeer.start(ScriptedPeer.SILENT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ResilientClient client() {
        return new ResilientClient(Clients.settings(silent.port(), 1_000, READ_TIMEOUT_MILLIS, 5_000, 100));
    }

    @Test
    @Points(2)
    void clientGivesUpWithinItsReadTimeout() {
        try (SchedulingLag lag = SchedulingLag.start()) {
            long start = System.nanoTime();
            Clients.failure(GIVES_UP, HINT, () -> client().requestOnce("PING"));
            long millis = Clients.millisSince(start);
            long latest = READ_TIMEOUT_MILLIS + 2_500 + lag.millisFor(4);
            assertTrue(millis >= READ_TIMEOUT_MILLIS - 20 && millis <= latest,
                    MSG.feedback("clientGivesUpWithinItsReadTimeout", latest, millis));
        }
    }

    @Test
    @Points(1)
    void clientReportsSilenceAsTimeout() {
        RequestFailedException e = Clients.failure(GIVES_UP, HINT, () -> client().requestOnce("PING"));
        assertEquals(Failure.TIMEOUT, e.failure(),
                MSG.feedback("clientReportsSilenceAsTimeout", e.failure()));
    }

    @Test
    @Points(1)
    void clientClosesItsSocketAfterTimeout() {
        Clients.failure(GIVES_UP, HINT, () -> client().requestOnce("PING"));
        // The silent peer reads until EOF, so its connection ends when the client's FIN arrives.
        TcpAssertions.awaitCondition(() -> silent.active() == 0,
                java.time.Duration.ofSeconds(5),
                () -> MSG.feedback("clientClosesItsSocketAfterTimeout"));
    }
}
