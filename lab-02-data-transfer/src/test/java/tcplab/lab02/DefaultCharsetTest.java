package tcplab.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.teach.Feedback;

/**
 * The tests run with US-ASCII as the platform default charset, so that code that forgets to name UTF-8 breaks the
 * Korean round trip here, on every machine and JDK. This checks that the JVM honoured the POM's setting.
 */
@WarmUp
class DefaultCharsetTest {

    @Test
    void testsRunWithUsAsciiAsTheDefaultCharset() {
        Charset actual = Charset.defaultCharset();
        assertEquals(StandardCharsets.US_ASCII, actual, Feedback.expected("the platform default charset of these tests"
                        + " to be US-ASCII (-Dfile.encoding=US-ASCII, from kit.test.options in this lab's pom.xml)")
                .but("this JVM's default is " + actual + ", so Utf8Test and LineEchoTest cannot catch code that relies on the"
                        + " default")
                .hint("Run the tests with ./mvnw test -pl lab-02-data-transfer -am, or let your IDE use Maven's Surefire"
                        + " argLine; on JDK 18 and later, make sure nothing else sets -Dfile.encoding."));
    }
}
