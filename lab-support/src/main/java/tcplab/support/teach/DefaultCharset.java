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

    private static final Messages MSG = Messages.of(DefaultCharset.class);

    private DefaultCharset() {
    }

    /** Fails with a teaching message unless this JVM took US-ASCII as its default; {@code lab} is the lab's module. */
    public static void assertUsAscii(String lab) {
        Charset actual = Charset.defaultCharset();
        if (!actual.equals(StandardCharsets.US_ASCII)) {
            throw new AssertionFailedError(MSG.feedback("usAscii", lab, actual));
        }
    }
}
