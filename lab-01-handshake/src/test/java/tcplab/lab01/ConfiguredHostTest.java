package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** Configured with another loopback address, 127.0.0.2, the server listens there and nowhere else. */
class ConfiguredHostTest {

    private static final Messages MSG = Messages.of(ConfiguredHostTest.class);

    private static final String HOST = "127.0.0.2";

    @AutoClose
    private final TCPServer server = new TCPServer(HOST, 0);

    @Test
    @Points(1)
    void serverListensOnTheConfiguredHost() throws Exception {
        Assumptions.assumeTrue(canBind(HOST), HOST + " is not a local address here (Linux has all of 127.0.0.0/8;"
                + " macOS and Windows have only 127.0.0.1 unless configured)");
        int port = server.start();

        TcpConnection listener = TcpAssertions.awaitListener(TcpProbe.system(), port, ServerFixture.WITHIN,
                MSG.text("listening.hint"));
        assertEquals(InetAddress.getByName(HOST), listener.local(),
                MSG.feedback("serverListensOnTheConfiguredHost", HOST, listener.localEndpoint()));
    }

    private static boolean canBind(String host) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
