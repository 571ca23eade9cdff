package org.inversiontable.plot;

/**
 * The first, last, lowest and highest value of one series over a stretch of time, with the time of
 * each: what a pixel column needs to draw the series so that a one-tick spike stays visible. Values
 * that are not finite (a missing sample) are left out.
 */
final class Extremes {
    private int count;
    private double first;
    private double firstT;
    private double last;
    private double lastT;
    private double min;
    private double minT;
    private double max;
    private double maxT;

    void add(double tS, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        if (count == 0) {
            first = last = min = max = value;
            firstT = lastT = minT = maxT = tS;
        } else {
            last = value;
            lastT = tS;
            if (value < min) {
                min = value;
                minT = tS;
            }
            if (value > max) {
                max = value;
                maxT = tS;
            }
        }
        count++;
    }

    /** Adds what {@code later} saw, which came after everything this one saw. */
    void merge(Extremes later) {
        if (later.count == 0) {
            return;
        }
        if (count == 0) {
            copy(later);
            return;
        }
        last = later.last;
        lastT = later.lastT;
        if (later.min < min) {
            min = later.min;
            minT = later.minT;
        }
        if (later.max > max) {
            max = later.max;
            maxT = later.maxT;
        }
        count += later.count;
    }

    private void copy(Extremes o) {
        count = o.count;
        first = o.first;
        firstT = o.firstT;
        last = o.last;
        lastT = o.lastT;
        min = o.min;
        minT = o.minT;
        max = o.max;
        maxT = o.maxT;
    }

    boolean isEmpty() {
        return count == 0;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    double maxT() {
        return maxT;
    }

    double last() {
        return last;
    }

    double lastT() {
        return lastT;
    }

    /**
     * The (time, value) pairs to draw in time order: first, the two extremes, last; at most four,
     * fewer when they coincide. Empty when no finite value was seen.
     */
    double[][] points() {
        if (count == 0) {
            return new double[0][];
        }
        double[][] p = {{firstT, first}, {minT, min}, {maxT, max}, {lastT, last}};
        if (maxT < minT) {
            double[] swap = p[1];
            p[1] = p[2];
            p[2] = swap;
        }
        return p;
    }
}
