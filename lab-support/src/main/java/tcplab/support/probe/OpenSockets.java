package tcplab.support.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sockets this JVM holds open, each named by its kernel inode ({@code socket:[12345]}), as {@code /proc/self/fd}
 * lists them on Linux.
 *
 * <p>A leak check compares sets, not counts: a count can fall while a new socket is still open, when the garbage
 * collector closes sockets that earlier code leaked and dropped (a {@code Socket}'s cleaner closes its descriptor).
 * An inode is not reused while its socket is open, so a socket in {@link #since} was opened after the baseline and
 * is still open.
 */
public final class OpenSockets {

    private static final Path DESCRIPTORS = Path.of("/proc/self/fd");

    private final Set<String> inodes;

    private OpenSockets(Set<String> inodes) {
        this.inodes = Set.copyOf(inodes);
    }

    /** Whether this platform lists a process's descriptors ({@code /proc/self/fd}, Linux). */
    public static boolean canList() {
        return Files.isDirectory(DESCRIPTORS);
    }

    /**
     * The sockets open now.
     *
     * @throws UnsupportedOperationException where {@link #canList()} is false
     */
    public static OpenSockets now() {
        if (!canList()) {
            throw new UnsupportedOperationException("this platform has no " + DESCRIPTORS);
        }
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> open = Files.list(DESCRIPTORS)) {
            open.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:")) {
                        inodes.add(target);
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // Closed between the listing and the read: not open now.
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OpenSockets(inodes);
    }

    /** The sockets open now that were not open at {@code baseline}. */
    public static Set<String> since(OpenSockets baseline) {
        Set<String> opened = new HashSet<>(now().inodes);
        opened.removeAll(baseline.inodes);
        return Set.copyOf(opened);
    }

    /** How many sockets this snapshot holds. */
    public int size() {
        return inodes.size();
    }
}
