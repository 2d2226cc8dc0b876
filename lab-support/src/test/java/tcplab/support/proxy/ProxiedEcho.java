package tcplab.support.proxy;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import tcplab.support.net.EchoPeer;
import tcplab.support.net.Loopback;

/** An echo server behind a fault proxy, and a client connected through it; closes all three. */
final class ProxiedEcho implements AutoCloseable {

    /** How long a client read waits before the test calls the proxy silent. */
    static final int READ_TIMEOUT_MILLIS = 3_000;

    final EchoPeer echo;
    final FaultProxy proxy;
    final Socket client;

    private ProxiedEcho(EchoPeer echo, FaultProxy proxy, Socket client) {
        this.echo = echo;
        this.proxy = proxy;
        this.client = client;
    }

    /** Starts the echo and the proxy with these faults on the downstream direction, and connects. */
    static ProxiedEcho withDownstream(Fault... faults) throws IOException {
        EchoPeer echo = EchoPeer.start();
        FaultProxy proxy = FaultProxy.to(echo.port());
        for (Fault fault : faults) {
            proxy.add(Direction.DOWNSTREAM, fault);
        }
        Socket client = new Socket(Loopback.ADDRESS, proxy.port());
        client.setSoTimeout(READ_TIMEOUT_MILLIS);
        client.setTcpNoDelay(true);
        return new ProxiedEcho(echo, proxy, client);
    }

    void send(String text) throws IOException {
        client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        client.getOutputStream().write(bytes);
    }

    String read(int bytes) throws IOException {
        return new String(client.getInputStream().readNBytes(bytes), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        client.close();
        proxy.close();
        echo.close();
    }
}
