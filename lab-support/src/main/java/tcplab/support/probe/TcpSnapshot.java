package tcplab.support.probe;

import java.util.List;
import java.util.Optional;

/**
 * The kernel's TCP table at one moment, read once: a waiting loop takes one snapshot per poll and asks it
 * every question it has, so that its answers agree with each other and the kernel is read once.
 *
 * @param connections every TCP connection on loopback, or listening on loopback or on every interface
 */
public record TcpSnapshot(List<TcpConnection> connections) {

    public TcpSnapshot {
        connections = List.copyOf(connections);
    }

    /** The end of a connection whose local port is {@code localPort} and remote port is {@code remotePort}. */
    public Optional<TcpConnection> find(int localPort, int remotePort) {
        return connections.stream()
                .filter(c -> c.localPort() == localPort && c.remotePort() == remotePort && c.state() != TcpState.LISTEN)
                .findFirst();
    }

    /** The state of that end, or {@link TcpState#CLOSED} when the kernel no longer lists it. */
    public TcpState stateOf(int localPort, int remotePort) {
        return find(localPort, remotePort).map(TcpConnection::state).orElse(TcpState.CLOSED);
    }

    /** The listening socket on {@code port}, if there is one. */
    public Optional<TcpConnection> listener(int port) {
        return connections.stream()
                .filter(c -> c.localPort() == port && c.state() == TcpState.LISTEN)
                .findFirst();
    }

    /** How many connections whose local port is {@code localPort} (a server's port, say) are in {@code state}. */
    public long count(int localPort, TcpState state) {
        return connections.stream()
                .filter(c -> c.localPort() == localPort && c.remotePort() != 0 && c.state() == state)
                .count();
    }
}
