package tcplab.support.proxy;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays every chunk of data by {@code delayMillis}, give or take up to {@code jitterMillis}. On the wire: the same
 * bytes, later; a FIN passes when the data before it has passed.
 */
public record Latency(long delayMillis, long jitterMillis) implements Fault {

    public Latency {
        if (delayMillis < 0 || jitterMillis < 0 || jitterMillis > delayMillis) {
            throw new IllegalArgumentException("need 0 <= jitterMillis <= delayMillis");
        }
    }

    @Override
    public void handle(Event event, Pipe pipe) throws IOException, InterruptedException {
        if (event.kind() == Event.Kind.DATA) {
            long jitter = jitterMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1);
            Thread.sleep(delayMillis + jitter);
        }
        pipe.forward(event);
    }
}
