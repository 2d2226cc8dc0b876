package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** With its default host, the server listens on loopback only, so no other machine can connect. */
class LoopbackBindTest {

    private static final Messages MSG = Messages.of(LoopbackBindTest.class);

    @AutoClose
    private final ServerFixture server = ServerFixture.withDefaultHost();

    @Test
    @Points(1)
    void serverListensOnLoopbackOnlyByDefault() throws Exception {
        int port = server.start();

        TcpConnection listener = TcpAssertions.awaitListener(TcpProbe.system(), port, ServerFixture.WITHIN,
                MSG.text("listening.hint"));
        assertTrue(listener.local().isLoopbackAddress(),
                MSG.feedback("serverListensOnLoopbackOnlyByDefault", listener.localEndpoint()));
    }
}
