package tcplab.support.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One connection through the proxy: the client's socket, the server's, and a relay thread for each direction. */
final class Link {

    private static final Logger log = LoggerFactory.getLogger(Link.class);
    /** How often a quiet direction ticks, so that faults on a timer act without data. */
    private static final int TICK_MILLIS = 10;
    private static final int BUFFER_BYTES = 64 * 1024;
    /** After a graceful close, how long the peers get to send their FIN before the sockets are closed anyway. */
    private static final long CLOSE_GRACE_MILLIS = 2_000;

    private final FaultProxy proxy;
    private final Socket client;
    private final Socket server;
    private final Map<Direction, Map<Fault, Object>> states = new EnumMap<>(Direction.class);
    private final Map<Direction, Thread> relays = new EnumMap<>(Direction.class);
    private volatile boolean closing;
    private volatile boolean reset;
    private int ended;

    Link(FaultProxy proxy, Socket client, Socket server) {
        this.proxy = proxy;
        this.client = client;
        this.server = server;
        for (Direction d : Direction.values()) {
            states.put(d, new IdentityHashMap<>());
        }
    }

    /** Sends each chunk as the faults pass it, without Nagle's coalescing, so slices stay slices. */
    private void noDelay() throws IOException {
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
    }

    void start() {
        for (Direction d : Direction.values()) {
            Thread t = new Thread(() -> relay(d), "fault-proxy-" + d.name().toLowerCase() + "-" + client.getPort());
            t.setDaemon(true);
            relays.put(d, t);
        }
        relays.values().forEach(Thread::start);
    }

    private Socket source(Direction d) {
        return d == Direction.UPSTREAM ? client : server;
    }

    private Socket destination(Direction d) {
        return d == Direction.UPSTREAM ? server : client;
    }

    private void relay(Direction d) {
        Socket source = source(d);
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            noDelay();
            source.setSoTimeout(TICK_MILLIS);
            InputStream in = source.getInputStream();
            while (true) {
                Event event;
                try {
                    int n = in.read(buffer);
                    event = n < 0 ? Event.END : Event.data(Arrays.copyOf(buffer, n));
                } catch (SocketTimeoutException quiet) {
                    event = Event.TICK;
                }
                if (!closing) {
                    deliver(d, proxy.faults(d), 0, event);
                }
                if (event.kind() == Event.Kind.END) {
                    break;
                }
            }
        } catch (IOException e) {
            // A reset or an error on one side is passed on as a reset to the other, unless the proxy ended it.
            if (!closing && !reset) {
                log.debug("{} relay of {} ended: {}", d, client.getPort(), e.toString());
                resetBoth();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            relayEnded();
        }
    }

    private void deliver(Direction d, Fault[] chain, int index, Event event) throws IOException, InterruptedException {
        if (closing || reset) {
            return;
        }
        if (index < chain.length) {
            chain[index].handle(event, new At(d, chain, index));
            return;
        }
        Socket destination = destination(d);
        switch (event.kind()) {
            case DATA -> destination.getOutputStream().write(event.data());
            case END -> destination.shutdownOutput();
            case TICK -> {
                // nothing reaches the wire
            }
        }
    }

    /** The pipe that a fault at {@code index} of a chain sees. */
    private final class At implements Pipe {
        private final Direction direction;
        private final Fault[] chain;
        private final int index;

        At(Direction direction, Fault[] chain, int index) {
            this.direction = direction;
            this.chain = chain;
            this.index = index;
        }

        @Override
        public void forward(Event event) throws IOException, InterruptedException {
            deliver(direction, chain, index + 1, event);
        }

        @Override
        public <S> S state(Supplier<S> initial) {
            Map<Fault, Object> map = states.get(direction);
            synchronized (map) {
                @SuppressWarnings("unchecked")
                S state = (S) map.computeIfAbsent(chain[index], f -> initial.get());
                return state;
            }
        }

        @Override
        public void reset() {
            resetBoth();
        }

        @Override
        public void close() {
            closeGracefully();
        }
    }

    private void resetBoth() {
        reset = true;
        abort(client);
        abort(server);
    }

    private void closeGracefully() {
        if (closing || reset) {
            return;
        }
        closing = true;
        for (Socket s : new Socket[] {client, server}) {
            try {
                s.shutdownOutput();
            } catch (IOException e) {
                log.debug("FIN to {}: {}", s.getPort(), e.toString());
            }
        }
        // The relays go on reading, and dropping, until each peer's FIN, so that closing sends no RST.
        proxy.timers().schedule(this::closeNow, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    void closeNow() {
        closing = true;
        quietly(client);
        quietly(server);
    }

    private synchronized void relayEnded() {
        ended++;
        if (ended == relays.size()) {
            quietly(client);
            quietly(server);
            proxy.ended(this);
        }
    }

    static void abort(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            log.debug("SO_LINGER 0: {}", e.toString());
        }
        quietly(socket);
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close: {}", e.toString());
        }
    }
}
