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
        // One pass over the window, newest to oldest, with the sums of a line fit: the time in whole
        // nanoseconds before now (exact as a double), no division in the loop, the ring's index
        // stepped back by hand. Two passes and a division per sample were a fifth of the
        // simulation's time (this runs for two detectors on every tick, SPEC §11). The sums'
        // cancellation costs nothing that matters here: at most 400 samples of 4 s and 90 deg leave
        // an error near 1e-14 deg/s in the slope.
        int i = newest();
        int n = 0;
        double sumT = 0;
        double sumA = 0;
        double sumTT = 0;
        double sumTA = 0;
        for (int k = 0; k < size; k++) {
            long t = tNanos[i];
            if (t < fromNanos || !includeStart && t == fromNanos) {
                break;
            }
            double dtNanos = t - nowNanos;
            double a = angleDeg[i];
            n++;
            sumT += dtNanos;
            sumA += a;
            sumTT += dtNanos * dtNanos;
            sumTA += dtNanos * a;
            i = older(i);
        }
        if (n < minSamples) {
            return Double.NaN;
        }
        double sxx = sumTT - sumT * sumT / n;
        double sxy = sumTA - sumT * sumA / n;
        return sxx > 0 ? sxy / sxx * 1e9 : Double.NaN;
    }

    private int newest() {
        return (head + size - 1) % tNanos.length;
    }

    private int older(int i) {
        return i == 0 ? tNanos.length - 1 : i - 1;
    }
}
