package tcplab.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.teach.Feedback;

/**
 * The tests run with US-ASCII as the JVM's default charset (the lab's POM sets it), so that code which relies on
 * the default instead of naming UTF-8 breaks the Korean round trips, on every JDK and every laptop.
 */
@WarmUp
class DefaultCharsetTest {

    @Test
    void testsRunWithUsAsciiAsTheDefaultCharset() {
        assertEquals(StandardCharsets.US_ASCII, Charset.defaultCharset(), Feedback.expected("the default charset"
                        + " US-ASCII, set by -Dfile.encoding=US-ASCII in the lab's kit.test.options")
                .but("this JVM's default is " + Charset.defaultCharset())
                .hint("Run the tests through Maven (./mvnw test), which passes the option; without it, a missing"
                        + " charset goes unnoticed wherever the default happens to be UTF-8."));
    }
}
