package org.inversiontable.runtime;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.inversiontable.time.Clock;

/**
 * Runs a body on absolute deadlines: deadline {@code k} is {@code start + k * period}, so waking
 * late once does not shift every later tick (no drift), and after a late tick the loop goes on at
 * the next deadline still in the future (no catch-up burst of ticks: SPEC §12). A late tick is the
 * supervisor's business: it measures the gap between tick starts ({@code LoopOverrun}).
 *
 * <pre>{@code
 * DeadlineLoop loop = new DeadlineLoop(new SystemClock(), Parker.SYSTEM, ControlLoop.PERIOD_NANOS, stats);
 * loop.run(now -> process.tick(), () -> running);     // returns once running is false
 * }</pre>
 *
 * <p>Confined to the thread that calls {@link #run}; the stop flag it reads is the caller's (a
 * volatile field). Allocation-free per tick.
 */
public final class DeadlineLoop {
    /** One tick, given the clock's time at wake-up. */
    @FunctionalInterface
    public interface Body {
        void tick(long nowNanos);
    }

    private final Clock clock;
    private final Parker parker;
    private final long periodNanos;
    private final PeriodStats stats;

    public DeadlineLoop(Clock clock, Parker parker, long periodNanos, PeriodStats stats) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos must be > 0, was " + periodNanos);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parker = Objects.requireNonNull(parker, "parker");
        this.periodNanos = periodNanos;
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    /** Ticks until {@code keepRunning} says no (asked before every wait and every tick). */
    public void run(Body body, BooleanSupplier keepRunning) {
        long start = clock.nanoTime();
        long k = 0;
        while (keepRunning.getAsBoolean()) {
            long deadline = start + k * periodNanos;
            long now = clock.nanoTime();
            while (now < deadline) {
                parker.parkNanos(deadline - now);
                if (!keepRunning.getAsBoolean()) {
                    return;
                }
                now = clock.nanoTime();
            }
            stats.tickStarted(now);
            body.tick(now);
            long next = Math.max(k + 1, Math.ceilDiv(clock.nanoTime() - start, periodNanos));
            stats.deadlinesSkipped(next - k - 1);
            k = next;
        }
    }
}
