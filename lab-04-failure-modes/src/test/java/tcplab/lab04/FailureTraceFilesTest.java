package tcplab.lab04;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.KitOnly;
import tcplab.support.teach.TraceFilesContract;
import tcplab.support.trace.Trace;

/** The files of lab 04's reset-mid-reply trace, the Mermaid diagram and the pcap, agree with its text. */
@KitOnly
@Isolated
@Timeout(30)
class FailureTraceFilesTest extends TraceFilesContract {

    FailureTraceFilesTest() {
        super("lab-04", "reset-mid-reply");
    }

    @Override
    protected Trace play() throws Exception {
        return FailureTrace.resetMidReply();
    }
}
