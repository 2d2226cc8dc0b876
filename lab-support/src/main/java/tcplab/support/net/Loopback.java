package tcplab.support.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The only addresses tests use: loopback, with ports chosen by the kernel. */
public final class Loopback {

    /** 127.0.0.1. */
    public static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    /** The address tests pass to code under test as a host name. */
    public static final String HOST = ADDRESS.getHostAddress();

    private Loopback() {
    }

    /** A listening socket on 127.0.0.1 with a port from the kernel. */
    public static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 50, ADDRESS);
    }

    /** {@code 127.0.0.1:port}. */
    public static InetSocketAddress at(int port) {
        return new InetSocketAddress(ADDRESS, port);
    }
}
