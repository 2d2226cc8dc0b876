package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tcplab.support.grade.Points;
import tcplab.support.net.LineConnection;
import tcplab.support.teach.Feedback;
import tcplab.support.teach.LogCapture;
import tcplab.support.teach.TcpAssertions;

/** The server logs each listen, accept and close through SLF4J, naming the address involved. */
class ServerLoggingTest {

    private static final String HINT = "Log with SLF4J: private static final Logger log ="
            + " LoggerFactory.getLogger(TCPServer.class); then log.info(\"accepted {}\", client.getRemoteSocketAddress())."
            + " System.out.println is not a log.";

    /**
     * The server logs the close right after the client has read the EOF of that close, within microseconds:
     * seconds of margin for a loaded machine.
     */
    private static final Duration CLOSE_LOGGED_WITHIN = Duration.ofSeconds(2);

    private final LogCapture logs = LogCapture.of("tcplab.lab01");
    private final ServerFixture server = ServerFixture.onLoopback();

    @AfterEach
    void stopServerAndCapture() {
        server.close();
        logs.close();
    }

    @Test
    @Points(1)
    void serverLogsListenWithItsPort() throws Exception {
        int port = server.start();

        // listen() logs before start() returns, so the line is there now.
        assertLogLines(port, 1, "a log line that names the listening port " + port + " once start() has returned");
    }

    @Test
    @Points(1)
    void serverLogsAcceptWithPeerAddress() throws Exception {
        server.withConnection((client, port) -> {
            exchange(client);

            // The accept comes before the reply, so once the reply is here the line is too.
            assertLogLines(client.localPort(), 1, "a log line that names the client " + peer(client)
                    + " once the server has answered it");
        });
    }

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
            assertEquals(-1, client.read(), Feedback.expected("EOF once the client had sent FIN")
                    .but("the server sent more").hint("Leave echoLines() when readLine() returns null."));
        }

        String expected = "one more log line naming " + peer + " after the server closed the connection (there were "
                + beforeClose + ")";
        TcpAssertions.awaitCondition(() -> logLinesNaming(clientPort) > beforeClose, CLOSE_LOGGED_WITHIN,
                () -> Feedback.expected(expected).but("the loggers under tcplab.lab01 logged " + logs.report()
                        + " in " + TcpAssertions.seconds(CLOSE_LOGGED_WITHIN)).hint(HINT));
    }

    private static void exchange(LineConnection client) throws Exception {
        client.sendLine("hello");
        String reply = client.readLine();
        assertTrue(reply != null, Feedback.expected("a reply to \"hello\"")
                .but("the server closed the connection (EOF)")
                .hint("Does echoLines() write back every line it reads?"));
    }

    private void assertLogLines(int port, int atLeast, String expected) {
        assertTrue(logLinesNaming(port) >= atLeast,
                Feedback.expected(expected).but("the loggers under tcplab.lab01 logged " + logs.report()).hint(HINT));
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
