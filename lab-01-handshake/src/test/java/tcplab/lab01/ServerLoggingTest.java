package tcplab.lab01;

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

        awaitLogLines(port, 1, "a log line that names the listening port " + port);
    }

    @Test
    @Points(1)
    void serverLogsAcceptWithPeerAddress() throws Exception {
        server.withConnection((client, port) ->
                awaitLogLines(client.localPort(), 1, "a log line that names the client " + peer(client)));
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
            client.sendLine("hello");
            client.readLine();
            beforeClose = logLinesNaming(clientPort);
        }

        awaitLogLines(clientPort, beforeClose + 1,
                "one more log line naming " + peer + " after the client closed (there were " + beforeClose + ")");
    }

    private void awaitLogLines(int port, int atLeast, String expected) {
        TcpAssertions.awaitCondition(() -> logLinesNaming(port) >= atLeast, ServerFixture.WITHIN,
                () -> Feedback.expected(expected).but("the loggers under tcplab.lab01 logged " + logs.messages())
                        .hint(HINT));
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
