package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.probe.TcpProbe;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.TcpAssertions;

/** Asked for port 0, the server gets a port from the kernel, reports it, and the kernel shows LISTEN there. */
@WarmUp
class ListenTest {

    private final ServerFixture server = ServerFixture.onLoopback();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void serverListensOnThePortItReports() throws Exception {
        int port = server.start();

        assertNotEquals(0, port, Feedback.expected("start() to return the port the kernel assigned")
                .but("it returned 0")
                .hint("Return serverSocket.getLocalPort(), not the configured port."));
        TcpAssertions.awaitListener(TcpProbe.system(), port, ServerFixture.WITHIN,
                "Does start() open a ServerSocket and return its getLocalPort()?");
    }
}
