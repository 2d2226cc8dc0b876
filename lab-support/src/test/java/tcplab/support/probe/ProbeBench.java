package tcplab.support.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the probe, for {@code scripts/bench-probe.sh}: creating it, its first self-check, and {@code N} snapshots
 * in a row. Run one backend per JVM so that creating the probe includes loading its classes.
 *
 * <pre>java -cp ... tcplab.support.probe.ProbeBench proc|oshi [N]</pre>
 *
 * <p>{@code proc} is the Linux backend, created as {@link TcpProbe#system()} creates it on Linux; {@code oshi} is the OSHI backend, which on Linux is what the probe did
 * before (OSHI's getConnections(), which finds each socket's process through every /proc/PID/fd).
 * Prints one line: {@code backend=... create_ms=... selfcheck_ms=... median_ms=... p95_ms=... max_ms=... cpu_median_ms=...
 * rows=...}.
 */
public final class ProbeBench {

    private ProbeBench() {
    }

    public static void main(String[] args) {
        String backend = args[0];
        int snapshots = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String platform = System.getProperty("os.name");

        long start = System.nanoTime();
        TcpProbe probe = switch (backend) {
            case "proc" -> TcpProbe.forPlatform("Linux");
            case "oshi" -> new TcpProbe(platform, OshiTable.create());
            default -> throw new IllegalArgumentException("backend is proc or oshi, not " + backend);
        };
        double createMs = millisSince(start);

        start = System.nanoTime();
        boolean readable = probe.canShow(TcpState.LISTEN);
        double selfCheckMs = millisSince(start);
        if (!readable) {
            throw new IllegalStateException(probe.whyCannotShow(TcpState.LISTEN).orElseThrow());
        }

        // CPU time of this thread beside wall time: on a loaded machine the difference is waiting for a core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] took = new double[snapshots];
        double[] cpu = new double[snapshots];
        int rows = 0;
        for (int i = 0; i < snapshots; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            rows = probe.snapshot().connections().size();
            took[i] = millisSince(start);
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(took);
        Arrays.sort(cpu);
        System.out.println(String.format(Locale.ROOT,
                "backend=%s create_ms=%.1f selfcheck_ms=%.1f median_ms=%.2f p95_ms=%.2f max_ms=%.2f"
                        + " cpu_median_ms=%.2f rows=%d n=%d",
                backend, createMs, selfCheckMs, percentile(took, 0.50), percentile(took, 0.95), took[snapshots - 1],
                percentile(cpu, 0.50), rows, snapshots));
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
