package org.inversiontable.scenario;

import java.util.function.Consumer;
import org.inversiontable.trace.TraceRow;

/**
 * What a scenario drives: the simulated table with its controller, in simulated time.
 * {@link ScenarioRunner} calls {@link #runUntil} with strictly increasing times and applies each
 * action between two calls, so an action at T acts after the tick at T.
 *
 * <p>A {@link PowerOffAction} at T moves the target's time on to T + duration at once, with no
 * tick and no row in between, and leaves a freshly booted controller whose first tick is the
 * first at or after T + duration. The scenario guarantees that nothing is timed inside the cut,
 * so the runner's next {@link #runUntil} is at T + duration or later.
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
