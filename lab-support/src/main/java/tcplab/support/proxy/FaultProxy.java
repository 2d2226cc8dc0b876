package tcplab.support.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on loopback that injects faults between a client and a server, in the manner of Shopify's
 * Toxiproxy. Each connection to {@link #port()} is relayed to the server's port, one thread per direction. Faults
 * are added to a direction and act on every connection, open ones included, from their next event on; they can
 * be removed the same way. With no fault the proxy is transparent: bytes pass unchanged, a FIN passes as a FIN
 * (half-close is kept), and a reset from one side is passed on as a reset to the other.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.to(server.port())) {
 *     proxy.add(Direction.DOWNSTREAM, ResetPeer.afterBytes(100));
 *     Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);
    private static final int BACKLOG = 50;
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final int serverPort;
    private final ServerSocket listener;
    private final Map<Direction, List<Fault>> faults = new EnumMap<>(Direction.class);
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-proxy-timer");
        t.setDaemon(true);
        return t;
    });

    private FaultProxy(int serverPort, ServerSocket listener) {
        this.serverPort = serverPort;
        this.listener = listener;
        for (Direction d : Direction.values()) {
            faults.put(d, new CopyOnWriteArrayList<>());
        }
    }

    /** Starts a proxy on 127.0.0.1 and a port from the kernel, in front of the server at 127.0.0.1:serverPort. */
    public static FaultProxy to(int serverPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        FaultProxy proxy = new FaultProxy(serverPort, listener);
        Thread acceptor = new Thread(proxy::acceptLoop, "fault-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Adds a fault after the direction's other faults; open connections meet it from their next event. */
    public FaultProxy add(Direction direction, Fault fault) {
        faults.get(direction).add(fault);
        return this;
    }

    /** Removes this fault (the same object) from both directions. */
    public void remove(Fault fault) {
        faults.values().forEach(list -> list.removeIf(f -> f == fault));
    }

    /** Removes every fault. */
    public void clear() {
        faults.values().forEach(List::clear);
    }

    /** Connections relayed now. */
    public int openConnections() {
        return links.size();
    }

    Fault[] faults(Direction direction) {
        return faults.get(direction).toArray(new Fault[0]);
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    void ended(Link link) {
        links.remove(link);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort),
                        CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                log.debug("cannot reach the server on port {}: {}", serverPort, e.toString());
                Link.abort(client);
                Link.abort(server);
                continue;
            }
            Link link = new Link(this, client, server);
            links.add(link);
            link.start();
        }
    }

    /**
     * Runs a proxy with no fault in front of {@code -DserverPort=P} until it is killed, and prints the port it got
     * from the kernel. For measuring the proxy's own cost.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Integer serverPort = Integer.getInteger("serverPort");
        if (serverPort == null) {
            throw new IllegalArgumentException("usage: -DserverPort=PORT");
        }
        try (FaultProxy proxy = FaultProxy.to(serverPort)) {
            System.out.println("proxy on 127.0.0.1:" + proxy.port() + " to 127.0.0.1:" + serverPort);
            Thread.currentThread().join();
        }
    }

    /** Stops accepting and closes every connection with FIN. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing the listener: {}", e.toString());
        }
        links.forEach(Link::closeNow);
        timers.shutdownNow();
    }
}
