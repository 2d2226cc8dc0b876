package tcplab.lab04;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tcplab.support.net.Loopback;

/** A server on loopback for the client's tests that does, on each connection, what its script says. */
final class ScriptedPeer implements AutoCloseable {

    /** What the peer does with one accepted connection. */
    @FunctionalInterface
    interface Script {
        void run(Socket socket) throws IOException;
    }

    /** Reads and drops everything, and never answers: a peer that is there but silent. */
    static final Script SILENT = socket -> socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());

    /** Answers each line with the same line, as a correct server would. */
    static final Script ECHO = socket -> {
        for (String line : lines(socket)) {
            socket.getOutputStream().write((line.equals("PING") ? "PONG\n" : line + "\n").getBytes(UTF_8));
        }
    };

    /** Reads one line and closes the connection (FIN) without a reply. */
    static final Script CLOSE_AFTER_LINE = socket -> lines(socket).iterator().next();

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private ScriptedPeer(Script script) throws IOException {
        this.server = Loopback.listen();
        this.script = script;
        Thread t = new Thread(this::acceptLoop, "scripted-peer-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    static ScriptedPeer start(Script script) throws IOException {
        return new ScriptedPeer(script);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Connections whose script is still running: for SILENT, those the client has not closed. */
    int active() {
        return active.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                active.incrementAndGet();
                accepted.add(socket);
                Thread t = new Thread(() -> {
                    try (socket) {
                        script.run(socket);
                    } catch (IOException | java.io.UncheckedIOException e) {
                        // the client reset or left: nothing to report from the peer's side
                    } finally {
                        active.decrementAndGet();
                    }
                }, "scripted-peer-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The lines of a connection, read lazily until EOF. */
    static Iterable<String> lines(Socket socket) throws IOException {
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(socket.getInputStream(), UTF_8));
        return () -> in.lines().iterator();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
