package org.inversiontable.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.inversiontable.config.Config;
import org.inversiontable.scenario.Scenario;
import org.inversiontable.scenario.ScenarioException;
import org.inversiontable.scenario.ScenarioParser;
import org.inversiontable.scenario.ScenarioResult;
import org.inversiontable.scenario.ScenarioRunner;
import org.inversiontable.scenario.SimulatedSession;

/**
 * Simulation speed (SPEC §11 {@code sim_speed_x}): simulated seconds per wall second of {@link
 * BenchScenario}, run as {@code scenario} runs it. In this JVM, JVM start excluded: the first run
 * (the figure of SPEC §11, when the bench runs it before anything else warms the code up) without
 * the trace, then a second with the trace to a temporary file. In a fresh JVM each, JVM start
 * included: {@code scenario FILE} and {@code scenario FILE --trace OUT}, from the process's start to
 * its exit.
 */
final class SimSpeedBench {
    private static final long CHILD_TIMEOUT_S = 300;

    /** A speed of 0 with a reason means it was not measured. */
    record Result(double firstRunX, double withTraceX, double childX, double childWithTraceX, boolean expectationsHeld,
                  List<String> problems) {
    }

    private final Config config;
    private final Path workDir;

    private final String mainClass;

    /** @param mainClass the program's entry point, for the child JVMs */
    SimSpeedBench(Config config, Path workDir, String mainClass) {
        this.config = config;
        this.workDir = workDir;
        this.mainClass = mainClass;
    }

    Result run(boolean includeChildren) throws IOException, InterruptedException {
        Path file = workDir.resolve("bench-15min.scenario");
        Files.write(file, BenchScenario.lines());
        Path trace = workDir.resolve("bench-15min.jsonl");
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(file, BenchScenario.lines());
        } catch (ScenarioException e) {
            throw new IllegalStateException("the bench's own scenario does not parse: " + e.getMessage(), e);
        }
        double simulatedS = scenario.runUntilNanos() / 1e9;
        ScenarioRunner runner = new ScenarioRunner(SimulatedSession::new);
        long t0 = System.nanoTime();
        ScenarioResult first = runner.run(scenario, config, Optional.empty());
        long t1 = System.nanoTime();
        runner.run(scenario, config, Optional.of(trace));
        long t2 = System.nanoTime();
        Files.deleteIfExists(trace);
        List<String> problems = new ArrayList<>();
        double childX = 0.0;
        double childTraceX = 0.0;
        if (includeChildren) {
            childX = simulatedS / child(List.of("scenario", file.toString()), problems);
            childTraceX = simulatedS / child(List.of("scenario", file.toString(), "--trace", trace.toString()), problems);
            Files.deleteIfExists(trace);
        }
        return new Result(simulatedS / seconds(t1 - t0), simulatedS / seconds(t2 - t1), childX, childTraceX,
                first.allHold(), problems);
    }

    /** Wall seconds from the child's start to its exit; infinite (speed 0) when it failed. */
    private double child(List<String> args, List<String> problems) throws IOException, InterruptedException {
        ProcessBuilder pb = ChildJvm.command(mainClass, List.of(), args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            problems.add("scenario " + String.join(" ", args.subList(1, args.size())) + " did not end within "
                    + CHILD_TIMEOUT_S + " s");
            return Double.POSITIVE_INFINITY;
        }
        long end = System.nanoTime();
        if (p.exitValue() != 0) {
            problems.add("the child 'scenario' exited " + p.exitValue());
            return Double.POSITIVE_INFINITY;
        }
        return seconds(end - start);
    }

    private static double seconds(long nanos) {
        return Math.max(1L, nanos) / 1e9;
    }
}
