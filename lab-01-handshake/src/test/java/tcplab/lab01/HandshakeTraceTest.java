package tcplab.lab01;

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

/** The trace of lab 01 shows what the handout says: the 3-way handshake, one echo, and the client's close. */
// Alone, so other tests' connections do not crowd the capture and the probe; a scenario waits up to 2 s per step
// for the state it predicts, and starting and stopping tcpdump takes a few hundred milliseconds more.
@KitOnly
@Isolated
@Timeout(30)
class HandshakeTraceTest {

    @Test
    void statesFollowTheHandshakeAndTheClientsClose() throws Exception {
        TcpAssertions.assumeCanShow(TcpProbe.system(), TcpState.TIME_WAIT);
        try (Trace trace = HandshakeTrace.handshakeAndEcho()) {
            assertStates(trace, 1, null, TcpState.LISTEN);
            assertStates(trace, 2, TcpState.ESTABLISHED, TcpState.ESTABLISHED);
            assertStates(trace, 3, TcpState.ESTABLISHED, TcpState.ESTABLISHED);
            assertStates(trace, 4, TcpState.TIME_WAIT, TcpState.CLOSED);
        }
    }

    @Test
    void segmentsAreSynSynAckAckThenDataThenFinFromEachSide() throws Exception {
        try (Trace trace = HandshakeTrace.handshakeAndEcho()) {
            assumeSegments(trace);
            assertInOrder(trace, "client S", "server S.", "client .", "client P.", "server P.", "client F.",
                    "server F.", "client .");
            assertNoFlag(trace, 'R');
        }
    }

    /** Every scenario of this lab prints within the diagram's columns, with no trailing spaces. */
    @Test
    @Timeout(60)
    void everyScenarioPrintsWithinItsColumns() throws Exception {
        for (Callable<Trace> scenario : List.<Callable<Trace>>of(HandshakeTrace::handshakeAndEcho)) {
            try (Trace trace = scenario.call()) {
                assertLayout(trace);
            }
        }
    }
}
