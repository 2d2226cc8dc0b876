package tcplab.lab03;

import java.time.Duration;
import java.util.regex.Pattern;
import tcplab.support.teach.LogCapture;
import tcplab.support.teach.Messages;
import tcplab.support.teach.TcpAssertions;

/**
 * What the server logged, waited on by the client port that a line names. Open it before the server starts: a
 * failure message quotes only the lines of threads started after it (other test classes log at the same time).
 */
final class ServerLog implements AutoCloseable {

    private static final Messages MSG = Messages.of(ServerLog.class);

    /** The reference logs within milliseconds; this is far longer, even on a loaded machine. */
    static final Duration WITHIN = Duration.ofSeconds(5);

    private final LogCapture logs = LogCapture.of("tcplab.lab03");

    /** Waits until a line contains {@code word} and names {@code :port} as a whole number. */
    void await(String word, int port, String expected, String hint) {
        Pattern naming = Pattern.compile(":" + port + "(?!\\d)");
        TcpAssertions.awaitCondition(() -> logs.messages().stream()
                        .anyMatch(m -> m.contains(word) && naming.matcher(m).find()), WITHIN,
                () -> MSG.feedback("await", expected, logs.report(), hint));
    }

    /** Waits until the server has accepted the client on {@code port}; the given accept loop logs it. */
    void awaitAccepted(int port) {
        await("accepted", port, MSG.text("accepted", port),
                MSG.text("accepted.hint"));
    }

    @Override
    public void close() {
        logs.close();
    }
}
