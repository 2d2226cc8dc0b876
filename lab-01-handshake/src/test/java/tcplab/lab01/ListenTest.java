package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.probe.TcpProbe;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** Asked for port 0, the server gets a port from the kernel, reports it, and the kernel shows LISTEN there. */
@WarmUp
class ListenTest {

    private static final Messages MSG = Messages.of(ListenTest.class);

    @AutoClose
    private final ServerFixture server = ServerFixture.onLoopback();

    @Test
    void serverListensOnThePortItReports() throws Exception {
        int port = server.start();

        assertNotEquals(0, port, MSG.feedback("serverListensOnThePortItReports"));
        TcpAssertions.awaitListener(TcpProbe.system(), port, ServerFixture.WITHIN,
                MSG.text("listening.hint"));
    }
}
