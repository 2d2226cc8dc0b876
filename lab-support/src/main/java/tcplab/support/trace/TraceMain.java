package tcplab.support.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a lab's trace scenarios from the command line, each within a time limit: code that hangs (a starter, say)
 * still gets its trace printed up to the step where it waited, and the program ends. Each trace is printed as text,
 * or as Mermaid with {@code -Dtrace.format=mermaid}, and left as files (see {@link TraceFiles}) in
 * {@code -Dtrace.dir} (by default {@value TraceFiles#DIR}), unless {@code -Dtrace.files=false}.
 */
public final class TraceMain {

    /** How long one scenario may take; the reference solution needs a few seconds. */
    public static final Duration LIMIT = Duration.ofSeconds(20);

    private final String lab;
    private final Map<String, Callable<Trace>> scenarios = new LinkedHashMap<>();
    private final boolean mermaid = "mermaid".equals(System.getProperty("trace.format", "text"));
    private final boolean files = !"false".equals(System.getProperty("trace.files", "true"));
    private final Path dir = Path.of(System.getProperty("trace.dir", TraceFiles.DIR));

    /** A program for the scenarios of {@code lab} ("lab-02"), the first part of its files' names. */
    public TraceMain(String lab) {
        this.lab = lab;
    }

    /** Adds a scenario, played in the order added. */
    public TraceMain scenario(String name, Callable<Trace> play) {
        scenarios.put(name, play);
        return this;
    }

    /**
     * Plays the scenario named by {@code -Dscenario}, or all of them, prints each, and exits: status 0 when every
     * scenario finished, 1 when one did not (one line on standard error says why), 2 for an unknown scenario.
     */
    public void run() {
        String only = System.getProperty("scenario", "");
        if (!only.isEmpty() && !scenarios.containsKey(only)) {
            System.err.println("error: no scenario named \"" + only + "\"; this lab has "
                    + String.join(", ", scenarios.keySet()));
            System.exit(2);
        }
        boolean complete = true;
        for (Map.Entry<String, Callable<Trace>> scenario : scenarios.entrySet()) {
            if (only.isEmpty() || only.equals(scenario.getKey())) {
                complete &= play(scenario.getKey(), scenario.getValue());
            }
        }
        System.out.flush();
        // The code under trace may have left threads that never end; the trace is printed, so the program ends.
        System.exit(complete ? 0 : 1);
    }

    private boolean play(String name, Callable<Trace> scenario) {
        CompletableFuture<Trace> played = Trace.inBackground("trace-scenario", () -> {
            try {
                return scenario.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Trace trace = played.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            show(name, trace);
            trace.close();
            return true;
        } catch (TimeoutException e) {
            return partial(name, "did not finish within " + LIMIT.toSeconds() + " s; the code waited after the last"
                    + " step shown");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IllegalStateException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            return partial(name, "stopped with " + cause);
        } catch (Exception e) {
            return partial(name, "stopped with " + e);
        }
    }

    private boolean partial(String name, String why) {
        Trace trace = Trace.latest();
        if (trace != null) {
            try {
                trace.finish();
                show(name, trace);
                trace.close();
            } catch (Exception e) {
                System.out.println("   (could not read the capture: " + e + ")");
            }
        }
        System.out.flush();
        System.err.println("error: the scenario " + name + " " + why.replace('\n', ' '));
        return false;
    }

    /**
     * Prints a finished trace in the format asked for, then writes its files and says where they are, or why they
     * could not be written: the trace on screen is complete either way.
     */
    private void show(String name, Trace trace) {
        if (mermaid) {
            System.out.println("== " + trace.title());
            System.out.print(MermaidDiagram.of(trace));
            System.out.println();
        } else {
            trace.print(System.out);
        }
        if (files) {
            try {
                TraceFiles.write(trace, dir, lab, name).print(System.out);
            } catch (IOException e) {
                System.out.println("   files: not written to " + dir + ", " + e);
                System.out.println();
            }
        }
    }
}
