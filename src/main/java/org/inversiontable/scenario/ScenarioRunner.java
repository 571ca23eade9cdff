package org.inversiontable.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.inversiontable.config.Config;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceWriter;

/**
 * Runs a parsed scenario against a fresh target and checks its expectations:
 * <pre>{@code
 * ScenarioRunner runner = new ScenarioRunner(simulatedTableFactory);
 * ScenarioResult result = runner.run(ScenarioParser.parse(file), Config.defaults(), Optional.of(traceFile));
 * if (!result.allHold()) { ... }
 * }</pre>
 * Rows stream to the trace file and the checks as they are made; none are kept.
 */
public final class ScenarioRunner {
    private final ScenarioTargetFactory factory;

    public ScenarioRunner(ScenarioTargetFactory factory) {
        this.factory = java.util.Objects.requireNonNull(factory, "factory");
    }

    /**
     * @throws org.inversiontable.trace.TraceException when the trace file cannot be written; it is
     *         opened before the simulation starts, so a bad path fails at once
     */
    public ScenarioResult run(Scenario scenario, Config baseConfig, Optional<Path> traceOut) {
        return run(scenario, baseConfig, traceOut, row -> { });
    }

    /** As {@link #run(Scenario, Config, Optional)}, also showing every row to {@code observer}. */
    public ScenarioResult run(Scenario scenario, Config baseConfig, Optional<Path> traceOut,
                              Consumer<TraceRow> observer) {
        Config config = scenario.configOver(baseConfig);
        List<ExpectationCheck> checks = scenario.expectations().stream().map(ExpectationCheck::of).toList();
        long[] rows = {0};
        try (TraceWriter trace = traceOut.map(TraceWriter::open).orElse(null);
             ScenarioTarget target = factory.create(config, scenario.start())) {
            Consumer<TraceRow> sink = row -> {
                rows[0]++;
                if (trace != null) {
                    trace.write(row);
                }
                for (ExpectationCheck check : checks) {
                    check.accept(row);
                }
                observer.accept(row);
            };
            long reachedNanos = -1;
            for (TimedAction action : scenario.actions()) {
                if (action.atNanos() > reachedNanos) {
                    target.runUntil(action.atNanos(), sink);
                    reachedNanos = action.atNanos();
                }
                target.apply(action.action());
            }
            if (scenario.runUntilNanos() > reachedNanos) {
                target.runUntil(scenario.runUntilNanos(), sink);
            }
        }
        return new ScenarioResult(scenario.file(), checks.stream().map(ExpectationCheck::outcome).toList(), rows[0]);
    }
}
