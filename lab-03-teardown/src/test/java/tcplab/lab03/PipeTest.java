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
import tcplab.support.grade.Points;
import tcplab.support.net.EchoPeer;
import tcplab.support.teach.Feedback;

/**
 * The client is a command-line program in the style of netcat: run as its own process against an echo server, it
 * sends standard input, half-closes, copies every echoed byte to standard output, and exits with 0.
 */
class PipeTest {

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
                Feedback.expected("the client to exit once the echo server's FIN arrived")
                        .but("it was still running after " + PROCESS_SECONDS + " s")
                        .hint("main() must send all of standard input, shutdownOutput(), copy the server's bytes to"
                                + " System.out until read() returns -1, and return."));
        assertEquals(0, process.exitValue(), Feedback.expected("exit status 0").but("it was " + process.exitValue()
                + ", with standard error: " + Files.readString(errors)).hint("A successful run exits with 0."));
        byte[] echoed = Files.readAllBytes(output);
        assertArrayEquals(file, echoed, Feedback.expected("the " + file.length + " bytes of " + name
                        + " back on standard output, unchanged")
                .but("standard output had " + echoed.length + " bytes that differ")
                .hint("Copy bytes with InputStream.transferTo or read(byte[]); a Reader or readLine() changes binary"
                        + " data and stops at line ends. Log to standard error, never to standard output."));
    }
}
