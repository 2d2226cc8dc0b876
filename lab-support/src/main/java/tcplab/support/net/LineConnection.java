package tcplab.support.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A test's own client end: raw bytes, UTF-8 lines ending in {@code \n}, and the three ways to end a connection.
 * Every read is bounded by {@link #READ_TIMEOUT}; silence throws {@link ReadTimeoutException}, which the teaching
 * layer ({@code tcplab.support.teach.ReadTimeoutFeedback}) turns into the student's failure message.
 */
public final class LineConnection implements AutoCloseable {

    /** How long a read waits before it throws {@link ReadTimeoutException}. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private LineConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port}: SYN, SYN-ACK, ACK. */
    public static LineConnection open(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(Loopback.at(port), (int) READ_TIMEOUT.toMillis());
            return new LineConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The socket underneath, for the kernel's view of it. */
    public Socket socket() {
        return socket;
    }

    /** This end's port. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** The server's port. */
    public int remotePort() {
        return socket.getPort();
    }

    /** Sends {@code line} and a {@code \n} in UTF-8. */
    public void sendLine(String line) throws IOException {
        send((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes at once. */
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads bytes up to and including the next {@code \n}; returns what came before it, or null at EOF. */
    public byte[] readLineBytes() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = read();
            if (b == -1) {
                return line.size() == 0 ? null : line.toByteArray();
            }
            if (b == '\n') {
                return line.toByteArray();
            }
            line.write(b);
        }
    }

    /** Reads the next line as UTF-8, or null at EOF. */
    public String readLine() throws IOException {
        byte[] bytes = readLineBytes();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads everything the peer sends until its FIN, as UTF-8. */
    public String readToEnd() throws IOException {
        return new String(readBytes(Integer.MAX_VALUE), StandardCharsets.UTF_8);
    }

    /** Reads up to {@code n} bytes; fewer only if the peer's FIN comes first. */
    public byte[] readBytes(int n) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = 0; bytes.size() < n && (b = read()) != -1; ) {
            bytes.write(b);
        }
        return bytes.toByteArray();
    }

    /** Reads one byte, or -1 at EOF (the peer's FIN); throws {@link ReadTimeoutException} on silence. */
    public int read() throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw new ReadTimeoutException(remotePort(), READ_TIMEOUT, e);
        }
    }

    /** Sends FIN and keeps receiving: the half-close. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Sends RST instead of FIN: linger with a zero timeout, then close. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Sends FIN and releases the socket. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
