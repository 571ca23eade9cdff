package org.inversiontable.scenario;

import java.util.function.Consumer;
import org.inversiontable.trace.TraceRow;

/**
 * What a scenario drives: the simulated table with its controller, in simulated time.
 * {@link ScenarioRunner} calls {@link #runUntil} with strictly increasing times and applies each
 * action between two calls, so an action at T acts after the tick at T.
 */
public interface ScenarioTarget extends AutoCloseable {
    /**
     * Runs the simulation (physics + 100 Hz control ticks) until simulated time tNanos inclusive
     * of ticks at tNanos; each tick's row goes to sink.
     */
    void runUntil(long tNanos, Consumer<TraceRow> sink);

    void apply(Action action);

    @Override
    void close();
}
