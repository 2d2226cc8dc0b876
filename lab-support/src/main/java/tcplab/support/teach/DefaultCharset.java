package tcplab.support.teach;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.opentest4j.AssertionFailedError;

/**
 * The labs' tests run with US-ASCII as the JVM's default charset ({@code -Dfile.encoding=US-ASCII} in each lab's
 * {@code kit.test.options}), so that code which forgets to name UTF-8 breaks the Korean round trip on every machine
 * and JDK. Since JDK 18 the default is otherwise UTF-8 (JEP 400), and that mistake would go unnoticed.
 */
public final class DefaultCharset {

    private DefaultCharset() {
    }

    /** Fails with a teaching message unless this JVM took US-ASCII as its default; {@code lab} is the lab's module. */
    public static void assertUsAscii(String lab) {
        Charset actual = Charset.defaultCharset();
        if (!actual.equals(StandardCharsets.US_ASCII)) {
            throw new AssertionFailedError(Feedback.expected("the default charset of these tests to be US-ASCII"
                            + " (-Dfile.encoding=US-ASCII, from kit.test.options in " + lab + "/pom.xml)")
                    .but("this JVM's default is " + actual + ", so the Korean round-trip tests cannot catch code that"
                            + " relies on the default")
                    .hint("Run the tests with ./mvnw test -pl " + lab + " -am, or let your IDE use Maven's Surefire"
                            + " argLine; make sure nothing else sets -Dfile.encoding."));
        }
    }
}
