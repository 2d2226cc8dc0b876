package tcplab.lab03;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.KitOnly;
import tcplab.support.teach.TraceFilesContract;
import tcplab.support.trace.Trace;

/** The files of lab 03's half-close trace, the Mermaid diagram and the pcap, agree with its text. */
@KitOnly
@Isolated
@Timeout(30)
class TeardownTraceFilesTest extends TraceFilesContract {

    TeardownTraceFilesTest() {
        super("lab-03", "half-close");
    }

    @Override
    protected Trace play() throws Exception {
        return TeardownTrace.halfClose();
    }
}
