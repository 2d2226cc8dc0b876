package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.probe.TcpConnection;
import tcplab.support.probe.TcpProbe;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** With its default host, the server listens on loopback only, so no other machine can connect. */
class LoopbackBindTest {

    private final ServerFixture server = ServerFixture.withDefaultHost();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    @Points(1)
    void serverListensOnLoopbackOnlyByDefault() throws Exception {
        int port = server.start();

        TcpConnection listener = TcpAssertions.awaitListener(TcpProbe.system(), port, ServerFixture.WITHIN,
                "Does start() return the port of the socket it opened?");
        assertTrue(listener.local().isLoopbackAddress(), Feedback.expected("the server to listen on 127.0.0.1 only")
                .but("the kernel shows LISTEN on " + listener.localEndpoint()
                        + ", which is every interface, so other machines can connect")
                .hint("Bind to the configured host: new ServerSocket(port, BACKLOG, InetAddress.getByName(host))."));
    }
}
