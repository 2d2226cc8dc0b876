package tcplab.lab01;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.KitOnly;
import tcplab.support.teach.TraceFilesContract;
import tcplab.support.trace.Trace;

/** The files of lab 01's handshake trace, the Mermaid diagram and the pcap, agree with its text. */
@KitOnly
@Isolated
@Timeout(30)
class HandshakeTraceFilesTest extends TraceFilesContract {

    HandshakeTraceFilesTest() {
        super("lab-01", "handshake");
    }

    @Override
    protected Trace play() throws Exception {
        return HandshakeTrace.handshakeAndEcho();
    }
}
