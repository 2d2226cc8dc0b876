package tcplab.support.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** limit_data passes exactly its bytes, then the reader sees EOF (a FIN), not a reset. */
class LimitDataTest {

    @Test
    void closesWithFinAfterTheLimit() throws Exception {
        try (ProxiedEcho link = ProxiedEcho.withDownstream(new LimitData(10))) {
            link.send("0123456789abcdefghij");
            assertEquals("0123456789", new String(link.client.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
