package tcplab.support.probe;

import java.net.InetAddress;

/**
 * One row of the kernel's TCP connection table.
 *
 * @param local      local address, with IPv4-mapped IPv6 addresses turned into plain IPv4
 * @param localPort  local port
 * @param remote     remote address, normalised like {@code local}
 * @param remotePort remote port, 0 for a listening socket
 * @param state      the kernel's state of this end of the connection
 * @param pid        the owning process, or -1 where no process owns it (TIME_WAIT, orphans)
 */
public record TcpConnection(
        InetAddress local, int localPort, InetAddress remote, int remotePort, TcpState state, int pid) {

    /** Whether the local address is a wildcard, meaning every interface. */
    public boolean listensOnEveryInterface() {
        return local.isAnyLocalAddress();
    }

    /** {@code 127.0.0.1:41234}, or {@code *:41234} for a wildcard address. */
    public String localEndpoint() {
        return endpoint(local, localPort);
    }

    /** {@code 127.0.0.1:8080}. */
    public String remoteEndpoint() {
        return endpoint(remote, remotePort);
    }

    private static String endpoint(InetAddress address, int port) {
        if (address.isAnyLocalAddress()) {
            return "*:" + port;
        }
        String host = address.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return localEndpoint() + " -> " + remoteEndpoint() + " " + state;
    }
}
