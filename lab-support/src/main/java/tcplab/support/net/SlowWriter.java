package tcplab.support.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Writes bytes the way a slow network delivers them: in small pieces, each sent at once (TCP_NODELAY), with a pause
 * between pieces, so that the reader's {@code read()} returns part of a message at a time.
 * Puts data segments on the wire; never FIN or RST.
 *
 * @param pieceBytes the size of each piece
 * @param pause      the pause after each piece but the last
 */
public record SlowWriter(int pieceBytes, Duration pause) {

    public SlowWriter {
        if (pieceBytes < 1) {
            throw new IllegalArgumentException("pieceBytes must be at least 1, not " + pieceBytes);
        }
    }

    /** Two bytes at a time, 1 ms apart: every UTF-8 character of three bytes is split across two pieces. */
    public static SlowWriter tinyPieces() {
        return new SlowWriter(2, Duration.ofMillis(1));
    }

    /**
     * Sends {@code data} in pieces on a background thread, then FIN, while the test reads on the other end.
     * The future completes when the FIN is sent, or exceptionally if a write fails.
     */
    public CompletableFuture<Void> sendThenFin(Socket socket, byte[] data) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                write(socket, data);
                socket.shutdownOutput();
                done.complete(null);
            } catch (IOException | InterruptedException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "slow-writer");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** Writes {@code data} to {@code socket} in pieces. */
    public void write(Socket socket, byte[] data) throws IOException, InterruptedException {
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        for (int from = 0; from < data.length; from += pieceBytes) {
            out.write(Arrays.copyOfRange(data, from, Math.min(data.length, from + pieceBytes)));
            out.flush();
            if (from + pieceBytes < data.length) {
                Thread.sleep(pause.toMillis());
            }
        }
    }
}
