package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigCrossChecks;
import org.inversiontable.config.ConfigFileException;
import org.inversiontable.config.CrossCheckProblem;
import org.inversiontable.scenario.ExpectationOutcome;
import org.inversiontable.scenario.Scenario;
import org.inversiontable.scenario.ScenarioException;
import org.inversiontable.scenario.ScenarioParser;
import org.inversiontable.scenario.ScenarioResult;
import org.inversiontable.scenario.ScenarioRunner;
import org.inversiontable.scenario.ScenarioTargetFactory;
import org.inversiontable.scenario.SessionTimeline;
import org.inversiontable.plot.PlotException;
import org.inversiontable.plot.TracePlot;
import org.inversiontable.trace.TraceException;

/**
 * {@code scenario FILE [--config FILE] [--trace OUT.jsonl] [--plot OUT.svg]} (SPEC §8): runs a scenario headless
 * in simulated time; exit 0 when every expectation holds, 1 when one fails, 2 on bad input.
 */
public final class ScenarioCommand {

    private final ScenarioTargetFactory targets;
    private final ConfigLoader configs;
    private final TraceSpaceCheck.UsableSpace traceSpace;

    public ScenarioCommand(ScenarioTargetFactory targets, ConfigLoader configs) {
        this(targets, configs, TraceSpaceCheck.UsableSpace.DISK);
    }

    /** @param traceSpace the free space of the trace's disk (tests give a small or full disk) */
    ScenarioCommand(ScenarioTargetFactory targets, ConfigLoader configs, TraceSpaceCheck.UsableSpace traceSpace) {
        this.targets = java.util.Objects.requireNonNull(targets, "targets");
        this.configs = java.util.Objects.requireNonNull(configs, "configs");
        this.traceSpace = java.util.Objects.requireNonNull(traceSpace, "traceSpace");
    }

    /**
     * Runs the scenario; the command line ({@link ScenarioCli}) has parsed the arguments.
     *
     * @return an {@link ExitCode}
     */
    public int run(Path file, Optional<Path> configFile, Optional<Path> traceFile, Optional<Path> plotFile,
            PrintStream out, PrintStream err) {
        if (traceFile.isPresent() && same(traceFile.get(), file)) {
            err.println("scenario: --trace " + traceFile.get() + " would overwrite the scenario file");
            return ExitCode.BAD_INPUT;
        }
        if (plotFile.isPresent() && (same(plotFile.get(), file) || traceFile.isPresent() && same(plotFile.get(),
                traceFile.get()))) {
            err.println("scenario: --plot " + plotFile.get() + " would overwrite the "
                    + (same(plotFile.get(), file) ? "scenario" : "trace") + " file");
            return ExitCode.BAD_INPUT;
        }
        if (plotFile.isPresent()) {
            Optional<String> unwritable = PlotDestination.problem(plotFile.get());
            if (unwritable.isPresent()) {
                err.println("scenario: " + unwritable.get());
                return ExitCode.BAD_INPUT;
            }
        }
        Config base;
        Scenario scenario;
        try {
            base = configFile.isPresent() ? configs.load(configFile.get()) : Config.defaults();
            scenario = ScenarioParser.parse(file);
        } catch (ConfigFileException | ScenarioException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (configFile.isPresent()) {
            // Each alone may be fine and the two together not (the scenario raises v_return_deg_s
            // above the file's v_max_deg_s): check the combination as a configuration file is.
            List<CrossCheckProblem> cross = ConfigCrossChecks.problems(scenario.configOver(base));
            if (!cross.isEmpty()) {
                for (CrossCheckProblem c : cross) {
                    err.println(file + " with " + configFile.get() + ": config: " + c.message());
                }
                return ExitCode.BAD_INPUT;
            }
        }
        if (traceFile.isPresent()) {
            Optional<String> tooBig = TraceSpaceCheck.problem(scenario.runUntilNanos(), scenario.poweredNanos(),
                    traceFile.get(), traceSpace);
            if (tooBig.isPresent()) {
                err.println(file + ":" + scenario.runLine() + ": " + tooBig.get());
                return ExitCode.BAD_INPUT;
            }
        }
        ScenarioResult result;
        SessionTimeline timeline = new SessionTimeline();
        Optional<TracePlot> plot = plotFile.map(p -> new TracePlot(file.getFileName().toString()));
        try {
            result = new ScenarioRunner(targets).run(scenario, base, traceFile,
                    plot.isPresent() ? timeline.andThen(plot.get()) : timeline);
        } catch (TraceException e) {
            err.println("scenario: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (plot.isPresent()) {
            try {
                plot.get().write(plotFile.get());
            } catch (PlotException e) {
                err.println("scenario: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
        }
        timeline.print(out);
        printSummary(result, traceFile, plotFile, out);
        return result.allHold() ? ExitCode.OK : ExitCode.EXPECTATION_FAILED;
    }

    private static void printSummary(ScenarioResult result, Optional<Path> traceFile, Optional<Path> plotFile,
            PrintStream out) {
        for (ExpectationOutcome o : result.outcomes()) {
            out.println((o.holds() ? "PASS" : "FAIL") + " line " + o.line() + ": expected " + o.expected()
                    + "; observed " + o.observed());
        }
        traceFile.ifPresent(t -> out.println("trace: " + t + " (" + result.rowCount() + " rows)"));
        plotFile.ifPresent(p -> out.println("plot: " + p));
        out.println("scenario " + result.file() + ": " + result.holdCount() + " of " + result.outcomes().size()
                + " expectations hold");
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
