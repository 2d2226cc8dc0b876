package tcplab.lab01;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tcplab.lab01.ConnectPolicy.Sleeper;
import tcplab.support.kit.WarmUp;
import tcplab.support.net.Loopback;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** The client connects to a listening socket: the handshake completes, and the kernel shows ESTABLISHED. */
@WarmUp
class ConnectTest {

    private static final Messages MSG = Messages.of(ConnectTest.class);

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Test
    void clientConnectsToListeningServer() throws Exception {
        ConnectPolicy policy = ClientPolicies.policy(WITHIN, 1, Duration.ofMillis(100), WITHIN, Sleeper.SYSTEM);
        try (ServerSocket server = Loopback.listen();
             TCPClient client = TCPClient.connect(Loopback.HOST, server.getLocalPort(), policy)) {
            TcpAssertions.awaitState(TcpProbe.system(), client.localPort(), server.getLocalPort(),
                    TcpState.ESTABLISHED, WITHIN, MSG.text("clientEnd"), MSG.text("established.hint"));
        }
    }
}
