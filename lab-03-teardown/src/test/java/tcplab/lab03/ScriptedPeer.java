package tcplab.lab03;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import tcplab.support.net.LineConnection;
import tcplab.support.net.Loopback;

/**
 * A server played by the test, for checking the student's client: it accepts one connection and runs a script on
 * it, on a daemon thread. Every read is bounded by {@link LineConnection#READ_TIMEOUT}.
 */
final class ScriptedPeer implements AutoCloseable {

    /** What the peer does with the connection it accepted. */
    @FunctionalInterface
    interface Script {
        void play(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Socket accepted;

    private ScriptedPeer(Script script) throws IOException {
        server = Loopback.listen();
        Thread thread = new Thread(() -> run(script), "scripted-peer-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Listens on an ephemeral loopback port and plays {@code script} on the first client. */
    static ScriptedPeer start(Script script) throws IOException {
        return new ScriptedPeer(script);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Completes when the script has ended, exceptionally if it failed. */
    CompletableFuture<Void> done() {
        return done;
    }

    private void run(Script script) {
        try (Socket socket = server.accept()) {
            accepted = socket;
            socket.setSoTimeout((int) LineConnection.READ_TIMEOUT.toMillis());
            script.play(socket);
            done.complete(null);
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }

    /** Reads until the client's FIN and returns how many bytes came. */
    static long readUntilFin(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        long count = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            count += n;
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket socket = accepted;
        if (socket != null) {
            socket.close();
        }
    }
}
