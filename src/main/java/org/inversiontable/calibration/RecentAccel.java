package org.inversiontable.calibration;

import org.inversiontable.hardware.ImuCalibration.Axes;

/**
 * The mean of the last few accelerometer samples, to read an angle with a tenth of a sample's
 * noise. Fixed arrays, no allocation per sample.
 *
 * <p>Not thread-safe: the procedure's thread only.
 */
final class RecentAccel {
    private final double[][] ring;
    private int next;
    private int count;

    RecentAccel(int size) {
        ring = new double[size][3];
    }

    void add(Axes a) {
        ring[next][0] = a.x();
        ring[next][1] = a.y();
        ring[next][2] = a.z();
        next = (next + 1) % ring.length;
        count = Math.min(count + 1, ring.length);
    }

    void clear() {
        count = 0;
        next = 0;
    }

    boolean full() {
        return count == ring.length;
    }

    Axes mean() {
        double[] s = new double[3];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < 3; i++) {
                s[i] += ring[k][i];
            }
        }
        int n = Math.max(1, count);
        return new Axes(s[0] / n, s[1] / n, s[2] / n);
    }
}
