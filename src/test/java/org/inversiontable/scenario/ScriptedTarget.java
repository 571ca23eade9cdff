package org.inversiontable.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.inversiontable.config.Config;
import org.inversiontable.trace.TraceRow;

/**
 * A fake {@link ScenarioTarget}: ticks every 10 ms from {@code firstTickNanos} and makes each row
 * with a script from the tick time and the actions applied so far. It records what the runner
 * did to it so tests can check the order.
 */
public final class ScriptedTarget implements ScenarioTarget {
    public static final long PERIOD_NANOS = 10_000_000L;

    /** Makes the row of the tick at {@code tNanos}. */
    @FunctionalInterface
    public interface Script {
        TraceRow row(long tNanos, List<Action> applied);
    }

    /** An action and the time of the last tick before it was applied. */
    public record Applied(long afterTickNanos, Action action) {
    }

    private final Script script;
    private long nextTickNanos;
    private long lastTickNanos = -1;
    private final List<Action> applied = new ArrayList<>();
    public final List<Applied> log = new ArrayList<>();
    public final List<Long> runUntilCalls = new ArrayList<>();
    public Config config;
    public StartState start;
    public boolean closed;

    public ScriptedTarget(Script script, long firstTickNanos) {
        this.script = script;
        this.nextTickNanos = firstTickNanos;
    }

    /** A factory that hands out this target and remembers what it was given. */
    public ScenarioTargetFactory factory() {
        return (config, start) -> {
            this.config = config;
            this.start = start;
            return this;
        };
    }

    /** A row with the given state and true angle; everything else plain. */
    public static TraceRow row(long tNanos, String state, double angleTrueDeg, double invertedS) {
        return new TraceRow(tNanos / 1e9, state, angleTrueDeg, angleTrueDeg, 0, false, invertedS, false,
                false, null, null, true, 70.0, 900.0, null);
    }

    @Override
    public void runUntil(long tNanos, Consumer<TraceRow> sink) {
        runUntilCalls.add(tNanos);
        while (nextTickNanos <= tNanos) {
            sink.accept(script.row(nextTickNanos, List.copyOf(applied)));
            lastTickNanos = nextTickNanos;
            nextTickNanos += PERIOD_NANOS;
        }
    }

    @Override
    public void apply(Action action) {
        applied.add(action);
        log.add(new Applied(lastTickNanos, action));
        if (action instanceof PowerOffAction off) {
            // The ScenarioTarget contract: no tick inside the cut, the next one when the power is back.
            long back = Math.max(lastTickNanos, 0) + off.durationNanos();
            nextTickNanos = Math.ceilDiv(back, PERIOD_NANOS) * PERIOD_NANOS;
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
