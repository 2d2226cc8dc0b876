package tcplab.lab02;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.KitOnly;
import tcplab.support.teach.TraceFilesContract;
import tcplab.support.trace.Trace;

/** The files of lab 02's bulk trace, the Mermaid diagram and the pcap, agree with its text. */
@KitOnly
@Isolated
@Timeout(30)
class TransferTraceFilesTest extends TraceFilesContract {

    TransferTraceFilesTest() {
        super("lab-02", "bulk");
    }

    @Override
    protected Trace play() throws Exception {
        return TransferTrace.bulkTransfer();
    }
}
