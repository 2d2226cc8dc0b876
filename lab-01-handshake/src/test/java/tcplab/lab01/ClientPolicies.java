package tcplab.lab01;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tcplab.lab01.ConnectPolicy.Sleeper;

/** Connect policies for the client tests, and a sleeper that records the pauses it is asked for. */
final class ClientPolicies {

    private ClientPolicies() {
    }

    /** A policy; the pauses go to {@code sleeper}. */
    static ConnectPolicy policy(Duration connectTimeout, int maxAttempts, Duration initialBackoff,
                                Duration totalTimeout, Sleeper sleeper) {
        return new ConnectPolicy(connectTimeout, maxAttempts, initialBackoff, totalTimeout, sleeper);
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
