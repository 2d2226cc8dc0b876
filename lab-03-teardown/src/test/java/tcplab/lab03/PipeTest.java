package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tcplab.support.kit.Points;
import tcplab.support.net.EchoPeer;
import tcplab.support.teach.Messages;

/**
 * The client is a command-line program in the style of netcat: run as its own process against an echo server, it
 * sends standard input, half-closes, copies every echoed byte to standard output, and exits with 0.
 */
class PipeTest {

    private static final Messages MSG = Messages.of(PipeTest.class);

    /** A new JVM starts in this time even on a loaded machine. */
    private static final long PROCESS_SECONDS = 15;

    @TempDir
    Path dir;

    private EchoPeer echo;
    private Process process;

    @AfterEach
    void stopBoth() throws Exception {
        if (process != null) {
            process.destroyForcibly();
        }
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    @Points(1)
    @Timeout(PROCESS_SECONDS + 5)
    void clientPipesJpegThroughEchoServerUnchanged() throws Exception {
        assertComesBackIdentical("photo.jpg");
    }

    @Test
    @Points(1)
    @Timeout(PROCESS_SECONDS + 5)
    void clientPipesWordListThroughEchoServerUnchanged() throws Exception {
        assertComesBackIdentical("words.txt");
    }

    private void assertComesBackIdentical(String name) throws Exception {
        byte[] file = Requests.resource(name);
        Path input = Files.write(dir.resolve(name), file);
        Path output = dir.resolve(name + ".echoed");
        Path errors = dir.resolve("stderr.txt");
        echo = EchoPeer.start();

        process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dport=" + echo.port(),
                "-Dlogback.configurationFile=logback.xml",
                HalfCloseClient.class.getName()))
                .redirectInput(input.toFile())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();

        assertTrue(process.waitFor(PROCESS_SECONDS, TimeUnit.SECONDS),
                MSG.feedback("assertComesBackIdentical", PROCESS_SECONDS));
        assertEquals(0, process.exitValue(), MSG.feedback("assertComesBackIdentical.2", process.exitValue(),
                Files.readString(errors)));
        byte[] echoed = Files.readAllBytes(output);
        assertArrayEquals(file, echoed, MSG.feedback("assertComesBackIdentical.3", file.length, name, echoed.length));
    }
}
