package org.inversiontable.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.ImuCalibration.Axes;
import org.inversiontable.hardware.PinMap.ImuMounting;

/**
 * Fits the accelerometer's per-axis offsets and scales, and the gyro's zero-rate offsets, to the
 * averages of two or more poses at rest whose true angles are known.
 *
 * <pre>{@code
 * Estimate e = CalibrationEstimator.estimate(List.of(home.average(), flat.average()), mounting);
 * if (e instanceof Estimate.Solved s) store(s.calibration());
 * }</pre>
 *
 * <p>The model is the driver's: {@code corrected = (raw - offset) * scale}, and at rest the
 * corrected vector is the 1 g gravity vector the mounting predicts for the pose's angle
 * ({@link ImuMounting#accelerationG}). The table turns about one horizontal axis, so:
 * <ul>
 * <li>the axes along and normal to the bed see gravity change from pose to pose: for each, the
 *     raw reading is a straight line in the predicted value, {@code raw = offset + predicted /
 *     scale}, and a least-squares line through the poses gives both (two poses with different
 *     angles determine it, more poses average it and make the residual meaningful);</li>
 * <li>the rotation axis sees no gravity in any pose (gravity is perpendicular to a horizontal
 *     axis), so its offset is simply its mean reading, and its scale is unobservable: it is left
 *     at 1, and says so in the note. It multiplies a value near zero, so it does not move the
 *     angle.</li>
 * </ul>
 * The pose angles must be known, not estimated: two poses whose angles are also unknowns leave the
 * fit one equation short. The procedure uses the HOME end stop (its configured angle) and the bed
 * levelled with a spirit level.
 */
public final class CalibrationEstimator {
    /** The poses' angles must differ this much, or an axis's offset and scale cannot be told apart. */
    public static final double MIN_POSE_SPREAD_DEG = 30.0;
    /** An uncorrected pose further than this from its reference is a wrong mapping, not an offset. */
    public static final double MAX_UNCORRECTED_ERROR_DEG = 20.0;
    /**
     * Gravity on each in-plane axis must change this much between the poses, or the sensor's noise
     * and the references' error are magnified into the scale (home at -30 deg still gives 0.13 g on
     * the normal axis).
     */
    public static final double MIN_GRAVITY_SPREAD_G = 0.1;
    /** The corrected poses must agree with their references within this (SPEC §3 allows 1 deg in all). */
    public static final double MAX_RESIDUAL_DEG = 0.5;

    private CalibrationEstimator() {
    }

    public static Estimate estimate(List<PoseAverage> poses, ImuMounting mounting) {
        if (poses.size() < 2) {
            return refused(RefusalReason.TOO_FEW_POSES, "calibration needs the table at rest in at least two poses"
                    + " (home and level), it has %d", poses.size());
        }
        double min = poses.stream().mapToDouble(PoseAverage::referenceAngleDeg).min().orElseThrow();
        double max = poses.stream().mapToDouble(PoseAverage::referenceAngleDeg).max().orElseThrow();
        if (max - min < MIN_POSE_SPREAD_DEG) {
            return refused(RefusalReason.POSES_TOO_CLOSE, "the poses span %.1f deg (%.1f..%.1f), at least %.0f deg is needed"
                    + " to tell an axis's offset from its scale", max - min, min, max, MIN_POSE_SPREAD_DEG);
        }
        for (PoseAverage pose : poses) {
            Optional<Refusal> rest = RestCheck.judge(poseName(pose), pose);
            if (rest.isPresent()) {
                return new Estimate.Refused(rest.get());
            }
        }
        Optional<Refusal> mapping = AxisMappingCheck.atRest(poses, mounting);
        if (mapping.isPresent()) {
            return new Estimate.Refused(mapping.get());
        }
        double[] offset = new double[3];
        double[] scale = {1.0, 1.0, 1.0};
        for (int axis : new int[] {mounting.axisAlong().index(), mounting.axisNormal().index()}) {
            Line line = fit(poses, mounting, axis);
            if (line.spread() < MIN_GRAVITY_SPREAD_G) {
                return refused(RefusalReason.POSES_TOO_CLOSE, "gravity on the chip's %c axis changes by only %.2f g between"
                        + " the poses: add a pose further away (the angle limit)", RestCheck.axis(axis), line.spread());
            }
            if (line.slope() <= 0) {
                return refused(RefusalReason.AXIS_MAPPING_WRONG, "axis mapping wrong: the chip's %c axis reads opposite to"
                        + " what %s predict: check those keys", RestCheck.axis(axis), MountingAxes.axisKeys(mounting));
            }
            offset[axis] = line.intercept();
            scale[axis] = 1.0 / line.slope();
        }
        int lateral = MountingAxes.lateralIndex(mounting);
        offset[lateral] = poses.stream().mapToDouble(p -> p.accelMeanG().get(lateral)).average().orElseThrow();
        ImuCalibration calibration;
        try {
            calibration = new ImuCalibration(new Axes(offset[0], offset[1], offset[2]),
                    new Axes(scale[0], scale[1], scale[2]), gyroOffset(poses));
        } catch (IllegalArgumentException e) {
            return refused(RefusalReason.OUT_OF_BOUNDS, "%s: beyond what a working MPU-6050 shows; the chip is damaged,"
                    + " or a reference pose was not where the procedure said (home on its end stop, the bed level)",
                    e.getMessage());
        }
        double residual = residualDeg(poses, mounting, calibration);
        if (residual > MAX_RESIDUAL_DEG) {
            return refused(RefusalReason.RESIDUAL_TOO_LARGE, "after correction a pose is still %.2f deg from its reference"
                    + " (at most %.2f): the poses disagree; check that home is on its end stop, that the level was read"
                    + " on the bed, and that the sensor's mounting is firm", residual, MAX_RESIDUAL_DEG);
        }
        String note = String.format(Locale.ROOT, "the chip's %c axis is the one the bed turns about: its offset is its"
                + " mean reading, its scale cannot be seen from these poses and stays 1 (it does not move the angle)",
                RestCheck.axis(lateral));
        return new Estimate.Solved(calibration, residual, note);
    }

    /** The largest angle error left at any pose after applying {@code calibration} (deg). */
    public static double residualDeg(List<PoseAverage> poses, ImuMounting mounting, ImuCalibration calibration) {
        double worst = 0;
        for (PoseAverage pose : poses) {
            double[] c = corrected(pose.accelMeanG(), calibration);
            double error = mounting.angleDeg(c[0], c[1], c[2]) - pose.referenceAngleDeg();
            worst = Math.max(worst, Math.abs(error));
        }
        return worst;
    }

    /** The driver's correction, {@code (raw - offset) * scale} per axis. */
    public static double[] corrected(Axes raw, ImuCalibration calibration) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            c[i] = (raw.get(i) - calibration.accelOffsetG().get(i)) * calibration.accelScale().get(i);
        }
        return c;
    }

    private static Axes gyroOffset(List<PoseAverage> poses) {
        double[] sum = new double[3];
        int n = 0;
        for (PoseAverage pose : poses) {
            for (int i = 0; i < 3; i++) {
                sum[i] += pose.gyroMeanDegS().get(i) * pose.samples();
            }
            n += pose.samples();
        }
        return new Axes(sum[0] / n, sum[1] / n, sum[2] / n);
    }

    /** raw = intercept + slope * predicted, least squares over the poses; spread = range of predicted. */
    private record Line(double intercept, double slope, double spread) {
    }

    private static Line fit(List<PoseAverage> poses, ImuMounting mounting, int axis) {
        int n = poses.size();
        double[] e = new double[n];
        double[] r = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            PoseAverage pose = poses.get(k);
            e[k] = mounting.accelerationG(pose.referenceAngleDeg())[axis];
            r[k] = pose.accelMeanG().get(axis);
            lo = Math.min(lo, e[k]);
            hi = Math.max(hi, e[k]);
        }
        double me = mean(e);
        double mr = mean(r);
        double cov = 0;
        double var = 0;
        for (int k = 0; k < n; k++) {
            cov += (e[k] - me) * (r[k] - mr);
            var += (e[k] - me) * (e[k] - me);
        }
        double slope = var > 0 ? cov / var : 0;
        return new Line(mr - slope * me, slope, hi - lo);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static String poseName(PoseAverage pose) {
        return String.format(Locale.ROOT, "at %.1f deg", pose.referenceAngleDeg());
    }

    private static Estimate refused(RefusalReason reason, String format, Object... args) {
        return new Estimate.Refused(new Refusal(reason, String.format(Locale.ROOT, format, args)));
    }
}
