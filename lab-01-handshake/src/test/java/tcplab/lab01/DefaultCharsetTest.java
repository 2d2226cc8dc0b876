package tcplab.lab01;

import org.junit.jupiter.api.Test;
import tcplab.support.kit.WarmUp;
import tcplab.support.teach.DefaultCharset;

/** The tests run with US-ASCII as the default charset, so code that forgets to name UTF-8 fails here on every JDK. */
@WarmUp
class DefaultCharsetTest {

    @Test
    void testsRunWithUsAsciiAsTheDefaultCharset() {
        DefaultCharset.assertUsAscii("lab-01-handshake");
    }
}
