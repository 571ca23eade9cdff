package org.inversiontable.safety;

import java.util.Locale;

/**
 * SPEC §6: a control tick later than 3 periods is a fault. While the loop is late nobody checks
 * the angle, the limits or the e-stop state, so a late loop is a blind loop.
 *
 * <pre>{@code
 * LoopOverrun overrun = new LoopOverrun(config.periodNanos());
 * // first thing in every tick:
 * Trip t = overrun.tickStarted(clock.nanoTime());
 * }</pre>
 */
public final class LoopOverrun {
    public static final int MAX_PERIODS_BETWEEN_TICKS = 3;

    private final long periodNanos;
    private long previousTickNanos;
    private boolean started;

    public LoopOverrun(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos must be > 0, was " + periodNanos);
        }
        this.periodNanos = periodNanos;
    }

    /** @return a LOOP_OVERRUN trip when the gap since the previous tick exceeds 3 periods, else null */
    public Trip tickStarted(long tickStartNanos) {
        if (!started) {
            started = true;
            previousTickNanos = tickStartNanos;
            return null;
        }
        Monotonic.require(previousTickNanos, tickStartNanos, "LoopOverrun");
        long gapNanos = tickStartNanos - previousTickNanos;
        previousTickNanos = tickStartNanos;
        if (gapNanos > MAX_PERIODS_BETWEEN_TICKS * periodNanos) {
            return new Trip(FaultCode.LOOP_OVERRUN, String.format(Locale.ROOT,
                    "control tick came %.1f ms after the previous one (limit %d periods = %.1f ms)",
                    gapNanos / 1e6, MAX_PERIODS_BETWEEN_TICKS, MAX_PERIODS_BETWEEN_TICKS * periodNanos / 1e6));
        }
        return null;
    }
}
