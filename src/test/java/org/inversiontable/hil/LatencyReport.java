package org.inversiontable.hil;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies measured over N trials, summarised the way SPEC §11 states its bounds (p50, p99, max),
 * and printed so that a run on the jig leaves its figures in the report even when it passes.
 *
 * <pre>{@code
 * LatencyReport r = LatencyReport.of("estop_to_enable_low", nanos);
 * System.out.println(r.line());
 * }</pre>
 *
 * @param what           the figure's name, as in the printed line
 * @param sortedNanos    the samples, ascending
 */
record LatencyReport(String what, long[] sortedNanos) {
    LatencyReport {
        if (sortedNanos.length == 0) {
            throw new IllegalArgumentException(what + ": no samples");
        }
    }

    static LatencyReport of(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyReport(what, sorted);
    }

    /** Nearest-rank percentile: the smallest sample at or above {@code fraction} of them. */
    long percentileNanos(double fraction) {
        int rank = (int) Math.ceil(fraction * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)];
    }

    long p50Nanos() {
        return percentileNanos(0.50);
    }

    long p99Nanos() {
        return percentileNanos(0.99);
    }

    long maxNanos() {
        return sortedNanos[sortedNanos.length - 1];
    }

    String line() {
        return String.format(Locale.ROOT, "%s: n=%d p50_us=%d p99_us=%d max_us=%d", what, sortedNanos.length,
                p50Nanos() / 1000, p99Nanos() / 1000, maxNanos() / 1000);
    }
}
