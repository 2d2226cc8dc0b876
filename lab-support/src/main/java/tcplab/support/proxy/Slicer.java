package tcplab.support.proxy;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Splits data into pieces of {@code averageBytes}, give or take {@code variationBytes}, with {@code delayMicros}
 * between them. On the wire: the same bytes in many small segments, so a reader sees partial reads.
 */
public record Slicer(int averageBytes, int variationBytes, long delayMicros) implements Fault {

    public Slicer {
        if (averageBytes < 1 || variationBytes < 0 || variationBytes >= averageBytes || delayMicros < 0) {
            throw new IllegalArgumentException("need 0 <= variationBytes < averageBytes and delayMicros >= 0");
        }
    }

    @Override
    public void handle(Event event, Pipe pipe) throws IOException, InterruptedException {
        if (event.kind() != Event.Kind.DATA) {
            pipe.forward(event);
            return;
        }
        int from = 0;
        while (from < event.data().length) {
            int size = averageBytes + ThreadLocalRandom.current().nextInt(-variationBytes, variationBytes + 1);
            int to = Math.min(event.data().length, from + size);
            pipe.forward(event.slice(from, to));
            from = to;
            if (from < event.data().length && delayMicros > 0) {
                Thread.sleep(delayMicros / 1000, (int) (delayMicros % 1000) * 1000);
            }
        }
    }
}
