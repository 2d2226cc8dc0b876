package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** When the client sends FIN, the server closes its side too: the client reads EOF and the server's end is gone. */
class EofTest {

    private static final Messages MSG = Messages.of(EofTest.class);

    @AutoClose
    private final ServerFixture server = ServerFixture.onLoopback();

    @Test
    @Points(2)
    void serverClosesConnectionAfterClientEof() throws Exception {
        server.withConnection((client, port) -> {
            client.shutdownOutput();

            int first = client.read();
            assertEquals(-1, first, MSG.feedback("serverClosesConnectionAfterClientEof", first));
            TcpAssertions.awaitState(TcpProbe.system(), port, client.localPort(), TcpState.CLOSED,
                    ServerFixture.WITHIN, MSG.text("serverEnd"), MSG.text("closed.hint"));
        });
    }
}
