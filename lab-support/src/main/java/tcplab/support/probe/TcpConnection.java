package tcplab.support.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One row of the kernel's TCP connection table.
 *
 * <p>No backend looks up the owning process: on Linux that means walking every process's descriptors, which
 * costs hundreds of milliseconds on a busy machine, and no test needs it.
 *
 * @param local      local address, with IPv4-mapped IPv6 addresses turned into plain IPv4
 * @param localPort  local port
 * @param remote     remote address, normalised like {@code local}
 * @param remotePort remote port, 0 for a listening socket
 * @param state      the kernel's state of this end of the connection
 */
public record TcpConnection(InetAddress local, int localPort, InetAddress remote, int remotePort, TcpState state) {

    /** Whether the local address is a wildcard, meaning every interface. */
    public boolean listensOnEveryInterface() {
        return local.isAnyLocalAddress();
    }

    /** Whether the local address is on loopback or is the wildcard, the only rows the probe reports. */
    boolean isLocal() {
        return local.isLoopbackAddress() || local.isAnyLocalAddress();
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

    /**
     * Turns an address in network byte order into an {@link InetAddress}: IPv4-mapped IPv6 becomes IPv4, and no
     * bytes at all (null or empty, as OSHI gives for an unbound socket) mean the IPv4 wildcard.
     */
    static InetAddress address(byte[] raw) {
        try {
            if (raw == null || raw.length == 0) {
                return InetAddress.getByAddress(new byte[4]);
            }
            if (raw.length == 16 && isIpv4Mapped(raw)) {
                return InetAddress.getByAddress(Arrays.copyOfRange(raw, 12, 16));
            }
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + Arrays.toString(raw), e);
        }
    }

    private static boolean isIpv4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }

    @Override
    public String toString() {
        return localEndpoint() + " -> " + remoteEndpoint() + " " + state;
    }
}
