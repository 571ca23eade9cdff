package org.inversiontable.safety;

/**
 * The recent accepted angle samples of a detector that judges motion by a straight line through
 * them: a fixed ring of primitives (nothing allocated per tick), the least-squares slope over a
 * trailing window. Least squares rather than end points: one noisy sample at either end of the
 * window cannot make or hide a movement.
 *
 * <pre>{@code
 * AngleHistory h = new AngleHistory(1_000_000_000L, periodNanos);
 * h.add(nowNanos, angleDeg);
 * h.forgetBefore(nowNanos - windowNanos, true);
 * double degPerS = h.slopeDegPerS(nowNanos, windowNanos, true, 3);
 * }</pre>
 *
 * Only the control thread uses it.
 */
final class AngleHistory {
    private final long[] tNanos;
    private final double[] angleDeg;
    /** Index of the oldest sample. */
    private int head;
    private int size;

    /** Room for every sample of {@code spanNanos} at one a period, and a few more. */
    AngleHistory(long spanNanos, long periodNanos) {
        int capacity = (int) (spanNanos / periodNanos) + 4;
        this.tNanos = new long[capacity];
        this.angleDeg = new double[capacity];
    }

    void add(long nowNanos, double sampleDeg) {
        if (size == tNanos.length) {
            // Never under the detectors' own forgetting; kept bounded all the same.
            head = (head + 1) % tNanos.length;
            size--;
        }
        int i = (head + size) % tNanos.length;
        tNanos[i] = nowNanos;
        angleDeg[i] = sampleDeg;
        size++;
    }

    /** Drops the samples before {@code cutoffNanos} ({@code keepCutoff}: a sample exactly at it stays). */
    void forgetBefore(long cutoffNanos, boolean keepCutoff) {
        while (size > 0 && (tNanos[head] < cutoffNanos || !keepCutoff && tNanos[head] == cutoffNanos)) {
            head = (head + 1) % tNanos.length;
            size--;
        }
    }

    void clear() {
        head = 0;
        size = 0;
    }

    /**
     * Least-squares slope (deg/s) through the samples of the last {@code windowNanos}; NaN with
     * fewer than {@code minSamples} of them.
     *
     * @param includeStart whether a sample exactly {@code windowNanos} old belongs to the window
     */
    double slopeDegPerS(long nowNanos, long windowNanos, boolean includeStart, double minSamples) {
        long fromNanos = nowNanos - windowNanos;
        int n = 0;
        double sumT = 0;
        double sumA = 0;
        // Newest to oldest, stepping the ring's index back by hand: a remainder per sample cost
        // more than the sums themselves (this runs for two detectors on every tick).
        int i = newest();
        for (int k = 0; k < size; k++) {
            if (tNanos[i] < fromNanos || !includeStart && tNanos[i] == fromNanos) {
                break;
            }
            n++;
            sumT += (tNanos[i] - nowNanos) / 1e9;
            sumA += angleDeg[i];
            i = older(i);
        }
        if (n < minSamples) {
            return Double.NaN;
        }
        double meanT = sumT / n;
        double meanA = sumA / n;
        double sxx = 0;
        double sxy = 0;
        i = newest();
        for (int k = 0; k < n; k++) {
            double dt = (tNanos[i] - nowNanos) / 1e9 - meanT;
            sxx += dt * dt;
            sxy += dt * (angleDeg[i] - meanA);
            i = older(i);
        }
        return sxx > 0 ? sxy / sxx : Double.NaN;
    }

    private int newest() {
        return (head + size - 1) % tNanos.length;
    }

    private int older(int i) {
        return i == 0 ? tNanos.length - 1 : i - 1;
    }
}
