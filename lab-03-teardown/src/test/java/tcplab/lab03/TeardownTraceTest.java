package tcplab.lab03;

import static tcplab.support.teach.TraceAssertions.assertInOrder;
import static tcplab.support.teach.TraceAssertions.assertLayout;
import static tcplab.support.teach.TraceAssertions.assertNoFlag;
import static tcplab.support.teach.TraceAssertions.assertStates;
import static tcplab.support.teach.TraceAssertions.assumeSegments;

import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.KitOnly;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.TcpAssertions;
import tcplab.support.trace.Trace;

/** The traces of lab 03 show what the handout says about each way to end a connection. */
// Alone, so other tests' connections do not crowd the capture and the probe; a scenario waits up to 2 s per step
// for the state it predicts, and starting and stopping tcpdump takes a few hundred milliseconds more.
@KitOnly
@Isolated
@Timeout(30)
class TeardownTraceTest {

    @BeforeEach
    void linuxStates() {
        TcpAssertions.assumeCanShow(TcpProbe.system(), TcpState.TIME_WAIT);
    }

    @Test
    void halfCloseLetsTheReplyCrossAfterTheClientsFin() throws Exception {
        try (Trace trace = TeardownTrace.halfClose()) {
            assertStates(trace, 3, TcpState.TIME_WAIT, TcpState.CLOSED);
            assumeSegments(trace);
            assertInOrder(trace, "client P.", "client F.", "server P.", "server F.", "client .");
            assertNoFlag(trace, 'R');
        }
    }

    @Test
    void serverThatClosesFirstKeepsTimeWait() throws Exception {
        try (Trace trace = TeardownTrace.serverClosesFirst()) {
            assertStates(trace, 3, TcpState.CLOSE_WAIT, TcpState.FIN_WAIT_2);
            assertStates(trace, 4, TcpState.CLOSED, TcpState.TIME_WAIT);
            assumeSegments(trace);
            assertInOrder(trace, "server F.", "client .", "client F.", "server .");
            assertNoFlag(trace, 'R');
        }
    }

    @Test
    void abortSendsRstAndLeavesNoTimeWait() throws Exception {
        try (Trace trace = TeardownTrace.abort()) {
            assertStates(trace, 3, TcpState.CLOSED, TcpState.CLOSED);
            assumeSegments(trace);
            assertInOrder(trace, "client P.", "client R.");
            assertNoFlag(trace, 'F');
        }
    }

    /** Every scenario of this lab prints within the diagram's columns, with no trailing spaces. */
    @Test
    @Timeout(60)
    void everyScenarioPrintsWithinItsColumns() throws Exception {
        for (Callable<Trace> scenario : List.<Callable<Trace>>of(TeardownTrace::halfClose,
                TeardownTrace::serverClosesFirst, TeardownTrace::abort)) {
            try (Trace trace = scenario.call()) {
                assertLayout(trace);
            }
        }
    }
}
