package tcplab.lab01;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tcplab.lab01.ConnectPolicy.Sleeper;
import tcplab.support.net.Loopback;
import tcplab.support.net.ReservedPort;
import tcplab.support.teach.Messages;

/** Connect policies for the client tests, and a sleeper that records the pauses it is asked for. */
final class ClientPolicies {

    private static final Messages MSG = Messages.of(ClientPolicies.class);

    private ClientPolicies() {
    }

    /** A policy; the pauses go to {@code sleeper}. */
    static ConnectPolicy policy(Duration connectTimeout, int maxAttempts, Duration initialBackoff,
                                Duration totalTimeout, Sleeper sleeper) {
        return new ConnectPolicy(connectTimeout, maxAttempts, initialBackoff, totalTimeout, sleeper);
    }

    /**
     * Runs one refused connect, so that the classes a connect needs are loaded before a test times one: in a fresh
     * JVM on a loaded machine, loading them can take longer than the timeout being measured.
     */
    static void loadConnectPath() throws IOException {
        ConnectPolicy once = policy(Duration.ofSeconds(2), 1, Duration.ofMillis(10), Duration.ofSeconds(2),
                new RecordingSleeper());
        try (ReservedPort port = ReservedPort.reserve()) {
            assertThrows(IOException.class, () -> TCPClient.connect(Loopback.HOST, port.port(), once),
                    MSG.feedback("loadConnectPath"));
        }
    }

    /** Records each pause and returns at once, so a test of the backoff arithmetic takes no time. */
    static final class RecordingSleeper implements Sleeper {

        private final List<Duration> pauses = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration pause) {
            pauses.add(pause);
        }

        List<Duration> pauses() {
            return List.copyOf(pauses);
        }
    }
}
