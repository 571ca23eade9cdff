package org.inversiontable.plot;

/**
 * Rows sorted into equal stretches of time as they stream in, without knowing how long the trace
 * will be: when a row falls past the last bucket, neighbouring buckets are merged in pairs and the
 * stretch doubles. So a week of ticks takes the same memory as a minute (at most
 * {@code capacity} buckets), and every bucket still knows its extremes.
 * <pre>{@code
 * TimeBuckets buckets = new TimeBuckets(2 * plotWidthPx);
 * buckets.at(row.tS()).rows++;          // once per row, times not decreasing
 * }</pre>
 */
final class TimeBuckets {
    /** The first stretch: a tenth of a control tick, so a short trace keeps every tick apart. */
    static final double FIRST_WIDTH_S = 0.001;

    private final TimeBucket[] buckets;
    private double startS = Double.NaN;
    private double widthS = FIRST_WIDTH_S;
    private int used;

    TimeBuckets(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and >= 2, was " + capacity);
        }
        buckets = new TimeBucket[capacity];
    }

    /** The bucket of time {@code tS}; a time before the one before it goes to the latest bucket. */
    TimeBucket at(double tS) {
        if (Double.isNaN(startS)) {
            startS = tS;
        }
        int index = indexOf(tS);
        while (index >= buckets.length) {
            halve();
            index = indexOf(tS);
        }
        index = Math.max(index, used - 1);
        if (buckets[index] == null) {
            buckets[index] = new TimeBucket();
        }
        used = Math.max(used, index + 1);
        return buckets[index];
    }

    private int indexOf(double tS) {
        double i = Math.floor((tS - startS) / widthS);
        return i < 0 ? 0 : i >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) i;
    }

    private void halve() {
        int half = buckets.length / 2;
        for (int k = 0; k < half; k++) {
            TimeBucket a = buckets[2 * k];
            TimeBucket b = buckets[2 * k + 1];
            if (a == null) {
                a = b;
            } else if (b != null) {
                a.merge(b);
            }
            buckets[k] = a;
        }
        for (int k = half; k < buckets.length; k++) {
            buckets[k] = null;
        }
        used = (used + 1) / 2;
        widthS *= 2;
    }

    /** The number of buckets from the first to the last that holds rows. */
    int used() {
        return used;
    }

    /** The bucket at {@code index}, or null when no row fell in its stretch. */
    TimeBucket get(int index) {
        return buckets[index];
    }

    double startS() {
        return startS;
    }

    double widthS() {
        return widthS;
    }
}
