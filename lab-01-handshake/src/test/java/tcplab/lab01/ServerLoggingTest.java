package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.LogCapture;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/** The server logs each listen, accept and close through SLF4J, naming the address involved. */
class ServerLoggingTest {

    private static final Messages MSG = Messages.of(ServerLoggingTest.class);

    /**
     * The server logs the close right after the client has read the EOF of that close, within microseconds:
     * seconds of margin for a loaded machine.
     */
    private static final Duration CLOSE_LOGGED_WITHIN = Duration.ofSeconds(2);

    @AutoClose
    private final LogCapture logs = LogCapture.of("tcplab.lab01");
    @AutoClose
    private final ServerFixture server = ServerFixture.onLoopback();

    @Test
    @Points(1)
    void serverLogsListenWithItsPort() throws Exception {
        int port = server.start();

        // listen() logs before start() returns, so the line is there now.
        assertLogLines(port, 1, MSG.text("listenLine", port));
    }

    @Test
    @Points(1)
    void serverLogsAcceptWithPeerAddress() throws Exception {
        server.withConnection((client, port) -> {
            exchange(client);

            // The accept comes before the reply, so once the reply is here the line is too.
            assertLogLines(client.localPort(), 1, MSG.text("acceptLine", peer(client)));
        });
    }

    /** The server logs each close with the client's address: after the client's FIN, and after its RST. */
    @Test
    @Points(1)
    void serverLogsCloseWithPeerAddress() throws Exception {
        int port = server.start();
        LineConnection client = LineConnection.open(port);
        int clientPort = client.localPort();
        String peer = peer(client);
        int beforeClose;
        try (client) {
            exchange(client);
            beforeClose = logLinesNaming(clientPort);
            client.shutdownOutput();
            assertEquals(-1, client.read(), MSG.feedback("serverLogsCloseWithPeerAddress"));
        }

        TcpAssertions.awaitCondition(() -> logLinesNaming(clientPort) > beforeClose, CLOSE_LOGGED_WITHIN,
                () -> MSG.feedback("closeLogged", peer, beforeClose, logs.report(),
                        TcpAssertions.seconds(CLOSE_LOGGED_WITHIN)));

        // A client that resets: the server closes its socket whatever happens, so this close is logged too. (A
        // socket left open here would show only until the garbage collector closes it; the log line stays.)
        LineConnection resetting = LineConnection.open(port);
        int resettingPort = resetting.localPort();
        exchange(resetting);
        int beforeReset = logLinesNaming(resettingPort);
        resetting.reset();
        TcpAssertions.awaitCondition(() -> logLinesNaming(resettingPort) > beforeReset, CLOSE_LOGGED_WITHIN,
                () -> MSG.feedback("closeLoggedAfterReset", "127.0.0.1:" + resettingPort, beforeReset,
                        logs.report(), TcpAssertions.seconds(CLOSE_LOGGED_WITHIN)));
    }

    private static void exchange(LineConnection client) throws Exception {
        client.sendLine("hello");
        String reply = client.readLine();
        assertTrue(reply != null, MSG.feedback("exchange"));
    }

    private void assertLogLines(int port, int atLeast, String expected) {
        assertTrue(logLinesNaming(port) >= atLeast,
                MSG.feedback("logLines", expected, logs.report()));
    }

    /** Counts log lines that name {@code :port} as a whole number, so :4123 does not match :41234. */
    private int logLinesNaming(int port) {
        Pattern naming = Pattern.compile(":" + port + "(?!\\d)");
        return (int) logs.messages().stream().filter(m -> naming.matcher(m).find()).count();
    }

    private static String peer(LineConnection client) {
        return "127.0.0.1:" + client.localPort();
    }
}
