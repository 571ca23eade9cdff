package org.inversiontable.calibration;

import java.util.ArrayList;
import java.util.List;
import org.inversiontable.hardware.ImuCalibration.Axes;

/**
 * Collects the raw samples of one pose at rest and averages them. Keeps every sample (a 2 s window
 * at 100 Hz is 200 of them) so that the drift between the two halves can be measured: a table
 * creeping at 0.1 deg/s has a small spread but a clear drift.
 *
 * <pre>{@code
 * PoseSampler home = new PoseSampler(-65.0);
 * home.add(sample);                       // every fresh sample for 2 s
 * PoseAverage avg = home.average();
 * }</pre>
 *
 * <p>Not thread-safe: one procedure on one thread owns it.
 */
public final class PoseSampler {
    private final double referenceAngleDeg;
    private final List<RawImuSample> samples = new ArrayList<>();

    public PoseSampler(double referenceAngleDeg) {
        this.referenceAngleDeg = referenceAngleDeg;
    }

    public void add(RawImuSample sample) {
        samples.add(sample);
    }

    public int count() {
        return samples.size();
    }

    public PoseAverage average() {
        int n = samples.size();
        double[] accelMean = mean(0, n, true);
        double[] gyroMean = mean(0, n, false);
        double drift = 0;
        if (n >= 2) {
            double[] first = mean(0, n / 2, true);
            double[] second = mean(n / 2, n, true);
            for (int i = 0; i < 3; i++) {
                drift = Math.max(drift, Math.abs(second[i] - first[i]));
            }
        }
        return new PoseAverage(referenceAngleDeg, n, axes(accelMean), axes(std(accelMean, true)), drift,
                axes(gyroMean), axes(std(gyroMean, false)));
    }

    private double[] mean(int from, int to, boolean accel) {
        double[] sum = new double[3];
        for (int k = from; k < to; k++) {
            Axes a = pick(samples.get(k), accel);
            for (int i = 0; i < 3; i++) {
                sum[i] += a.get(i);
            }
        }
        int n = Math.max(1, to - from);
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    private double[] std(double[] mean, boolean accel) {
        double[] sq = new double[3];
        for (RawImuSample s : samples) {
            Axes a = pick(s, accel);
            for (int i = 0; i < 3; i++) {
                double d = a.get(i) - mean[i];
                sq[i] += d * d;
            }
        }
        int n = Math.max(1, samples.size() - 1);
        return new double[] {Math.sqrt(sq[0] / n), Math.sqrt(sq[1] / n), Math.sqrt(sq[2] / n)};
    }

    private static Axes pick(RawImuSample s, boolean accel) {
        return accel ? s.accelG() : s.gyroDegS();
    }

    private static Axes axes(double[] v) {
        return new Axes(v[0], v[1], v[2]);
    }
}
