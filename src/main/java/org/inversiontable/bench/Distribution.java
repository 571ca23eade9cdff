package org.inversiontable.bench;

import java.util.Arrays;

/**
 * The p50, p99 and maximum of a set of measured durations, by nearest rank (the value at rank
 * {@code ceil(p * n)} of the sorted values), the same rule as the runtime's own {@code PeriodStats},
 * so that a figure here and a figure there mean the same thing.
 *
 * <pre>{@code
 * Distribution d = Distribution.ofNanos(latencies, trials);
 * long p99 = d.p99Nanos();
 * }</pre>
 *
 * @param count how many values
 */
public record Distribution(int count, long p50Nanos, long p99Nanos, long maxNanos) {
    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0);

    public Distribution {
        if (count < 0 || p50Nanos < 0 || p99Nanos < p50Nanos || maxNanos < p99Nanos) {
            throw new IllegalArgumentException("a distribution needs 0 <= p50 <= p99 <= max and count >= 0, was "
                    + count + " values, " + p50Nanos + "/" + p99Nanos + "/" + maxNanos + " ns");
        }
    }

    /** The first {@code n} values of {@code values} (not changed), in nanoseconds. */
    public static Distribution ofNanos(long[] values, int n) {
        if (n < 0 || n > values.length) {
            throw new IllegalArgumentException("n must be within 0.." + values.length + ", was " + n);
        }
        if (n == 0) {
            return EMPTY;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        if (sorted[0] < 0) {
            throw new IllegalArgumentException("a duration cannot be negative, was " + sorted[0] + " ns");
        }
        return new Distribution(n, sorted[rank(0.50, n)], sorted[rank(0.99, n)], sorted[n - 1]);
    }

    /** The index of the nearest rank of {@code p} among {@code n} sorted values. */
    static int rank(double p, int n) {
        return (int) Math.max(1L, (long) Math.ceil(p * n)) - 1;
    }

    /** {@code a / b}, where a zero {@code b} counts as the smallest step of the measure (1 µs), not as a division by 0. */
    public static double ratio(long aMicros, long bMicros) {
        return (double) aMicros / Math.max(1L, bMicros);
    }
}
