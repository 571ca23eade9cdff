package org.inversiontable.runtime;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The runtime's own measure of its period (SPEC §11): for every tick after the first, the period
 * (time between the starts of two ticks) and the jitter {@code |period - nominal|}, in fixed
 * histograms of whole microseconds, so that recording a tick allocates nothing and takes a few
 * nanoseconds. Values beyond {@value #RANGE_MICROS} µs share the last bucket; the maxima are exact.
 *
 * <pre>{@code
 * PeriodStats stats = new PeriodStats(ControlLoop.PERIOD_NANOS);
 * stats.tickStarted(nowNanos);            // the control thread, every tick
 * PeriodStats.Summary s = stats.summary(); // any thread, any time
 * System.out.println(s);                   // "ticks=6000 period p50/p99/max=10.001/10.046/10.512 ms ..."
 * }</pre>
 *
 * <p>One writer, any readers: {@link #tickStarted} and {@link #deadlinesSkipped} are called by the
 * control thread only; the counts are {@link AtomicLongArray}/{@link AtomicLong}, so a reader on
 * another thread sees whole values (a summary taken while ticking may be one tick behind in part).
 */
public final class PeriodStats {
    /** 60 ms: six periods, twice the overrun limit; longer periods are counted in the last bucket. */
    static final int RANGE_MICROS = 60_000;

    private final long nominalNanos;
    private final AtomicLongArray periodMicros = new AtomicLongArray(RANGE_MICROS + 1);
    private final AtomicLongArray jitterMicros = new AtomicLongArray(RANGE_MICROS + 1);
    private final AtomicLong periods = new AtomicLong();
    private final AtomicLong maxPeriodNanos = new AtomicLong();
    private final AtomicLong maxJitterNanos = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    /** Confined to the control thread. */
    private long previousStartNanos;
    private boolean started;

    public PeriodStats(long nominalNanos) {
        if (nominalNanos <= 0) {
            throw new IllegalArgumentException("nominalNanos must be > 0, was " + nominalNanos);
        }
        this.nominalNanos = nominalNanos;
    }

    /** A tick started at {@code nowNanos}. The control thread only; allocation-free. */
    public void tickStarted(long nowNanos) {
        if (started) {
            long period = nowNanos - previousStartNanos;
            long jitter = Math.abs(period - nominalNanos);
            periodMicros.incrementAndGet(bucket(period));
            jitterMicros.incrementAndGet(bucket(jitter));
            if (period > maxPeriodNanos.get()) {
                maxPeriodNanos.set(period);
            }
            if (jitter > maxJitterNanos.get()) {
                maxJitterNanos.set(jitter);
            }
            periods.incrementAndGet();
        }
        started = true;
        previousStartNanos = nowNanos;
    }

    /** A late tick made the loop skip {@code count} deadlines. The control thread only. */
    public void deadlinesSkipped(long count) {
        if (count > 0) {
            skipped.addAndGet(count);
        }
    }

    private static int bucket(long nanos) {
        return (int) Math.min(RANGE_MICROS, Math.max(0L, nanos / 1_000L));
    }

    /** The statistics so far. Any thread; allocates. */
    public Summary summary() {
        long n = periods.get();
        return new Summary(n, skipped.get(), percentile(periodMicros, n, 0.50), percentile(periodMicros, n, 0.99),
                maxPeriodNanos.get() / 1_000L, percentile(jitterMicros, n, 0.50), percentile(jitterMicros, n, 0.99),
                maxJitterNanos.get() / 1_000L);
    }

    private static long percentile(AtomicLongArray histogram, long count, double p) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1L, (long) Math.ceil(p * count));
        long seen = 0;
        for (int us = 0; us <= RANGE_MICROS; us++) {
            seen += histogram.get(us);
            if (seen >= rank) {
                return us;
            }
        }
        return RANGE_MICROS;
    }

    /**
     * The runtime's period over a run, in microseconds (a percentile in the last bucket reads as
     * {@value PeriodStats#RANGE_MICROS}; the maxima are exact).
     *
     * @param periods          periods measured (ticks - 1)
     * @param skippedDeadlines deadlines passed over after late ticks (no catch-up burst)
     */
    public record Summary(long periods, long skippedDeadlines, long periodP50Micros, long periodP99Micros,
                          long periodMaxMicros, long jitterP50Micros, long jitterP99Micros, long jitterMaxMicros) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "periods=%d skipped_deadlines=%d period p50/p99/max=%.3f/%.3f/%.3f ms "
                    + "jitter p50/p99/max=%.3f/%.3f/%.3f ms", periods, skippedDeadlines, periodP50Micros / 1e3,
                    periodP99Micros / 1e3, periodMaxMicros / 1e3, jitterP50Micros / 1e3, jitterP99Micros / 1e3,
                    jitterMaxMicros / 1e3);
        }
    }
}
