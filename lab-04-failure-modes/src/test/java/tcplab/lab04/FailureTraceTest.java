package tcplab.lab04;

import static tcplab.support.teach.TraceAssertions.assertInOrder;
import static tcplab.support.teach.TraceAssertions.assertLayout;
import static tcplab.support.teach.TraceAssertions.assertNoFlag;
import static tcplab.support.teach.TraceAssertions.assertStates;
import static tcplab.support.teach.TraceAssertions.assumeSegments;

import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import tcplab.support.kit.KitOnly;
import tcplab.support.probe.TcpProbe;
import tcplab.support.probe.TcpState;
import tcplab.support.teach.TcpAssertions;
import tcplab.support.trace.Trace;

/** The traces of lab 04 show what the handout says about a silent peer and a reset in the middle of a reply. */
// Alone, so other tests' connections do not crowd the capture and the probe; a scenario waits up to 2 s per step
// for the state it predicts, and starting and stopping tcpdump takes a few hundred milliseconds more.
@KitOnly
@Isolated
@Timeout(30)
class FailureTraceTest {

    @Test
    void readTimeoutEndsWithTheClientsFinNotRst() throws Exception {
        TcpAssertions.assumeCanShow(TcpProbe.system(), TcpState.TIME_WAIT);
        try (Trace trace = FailureTrace.readTimeout()) {
            assertStates(trace, 2, TcpState.ESTABLISHED, TcpState.ESTABLISHED);
            assertStates(trace, 3, TcpState.FIN_WAIT_2, TcpState.CLOSE_WAIT);
            assertStates(trace, 4, TcpState.TIME_WAIT, TcpState.CLOSED);
            assumeSegments(trace);
            assertInOrder(trace, "client S", "server S.", "client .", "client P.", "server .", "client F.",
                    "server F.", "client .");
            assertNoFlag(trace, 'R');
        }
    }

    @Test
    void resetInTheMiddleOfTheReplyEndsTheConnectionAtOnce() throws Exception {
        try (Trace trace = FailureTrace.resetMidReply()) {
            assertStates(trace, 2, TcpState.ESTABLISHED, TcpState.ESTABLISHED);
            assertStates(trace, 3, TcpState.CLOSED, TcpState.CLOSED);
            assumeSegments(trace);
            assertInOrder(trace, "client P.", "server P.", "server R.");
            assertNoFlag(trace, 'F');
        }
    }

    /** Every scenario of this lab prints within the diagram's columns, with no trailing spaces. */
    @Test
    @Timeout(60)
    void everyScenarioPrintsWithinItsColumns() throws Exception {
        for (Callable<Trace> scenario : List.<Callable<Trace>>of(FailureTrace::readTimeout,
                FailureTrace::resetMidReply)) {
            try (Trace trace = scenario.call()) {
                assertLayout(trace);
            }
        }
    }
}
