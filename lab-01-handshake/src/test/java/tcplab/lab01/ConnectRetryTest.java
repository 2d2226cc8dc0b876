package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tcplab.lab01.ConnectPolicy.Sleeper;
import tcplab.support.kit.Points;
import tcplab.support.net.Loopback;
import tcplab.support.net.ReservedPort;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** Nothing listens at first, so the connect is refused (RST); the client retries and connects once a server appears. */
class ConnectRetryTest {

    private static final Messages MSG = Messages.of(ConnectRetryTest.class);

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    @Points(2)
    void clientRetriesUntilServerAppears() throws Exception {
        try (ReservedPort port = ReservedPort.reserve()) {
            AtomicInteger pauses = new AtomicInteger();
            Sleeper listenDuringFirstPause = pause -> {
                if (pauses.getAndIncrement() == 0) {
                    listen(port);
                }
                Sleeper.SYSTEM.sleep(pause);
            };
            ConnectPolicy policy = ClientPolicies.policy(
                    WITHIN, 10, Duration.ofMillis(50), Duration.ofSeconds(10), listenDuringFirstPause);

            TCPClient client = assertDoesNotThrow(() -> TCPClient.connect(Loopback.HOST, port.port(), policy),
                    MSG.feedback("clientRetriesUntilServerAppears"));
            try (client) {
                TcpAssertions.awaitState(TcpProbe.system(), client.localPort(), port.port(), TcpState.ESTABLISHED,
                        WITHIN, MSG.text("clientEnd"), MSG.text("connected.hint"));
            }
        }
    }

    private static void listen(ReservedPort port) {
        try {
            port.listen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
