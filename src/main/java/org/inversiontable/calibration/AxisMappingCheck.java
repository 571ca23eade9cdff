package org.inversiontable.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;

/**
 * Whether the configured mounting (imu_axis_along, imu_axis_normal, each a signed chip axis) matches how the chip
 * is fitted. A wrong mapping is not an offset: calibrating it away would give an angle that is
 * right at the poses and wrong everywhere between them, or one that runs the wrong way, which the
 * supervisor would read as the table moving against its command. So it is refused, with the keys
 * that would fit.
 *
 * <p>Two checks: at rest, each pose's uncorrected angle must be near its reference (this catches a
 * reversed sign or swapped axes before anything moves); and after a short hold-to-run move toward
 * inversion, the corrected angle must have grown, by about what the gyro measured (this catches a
 * mapping that happens to agree at the poses, and a gyro that turns the other way).
 */
public final class AxisMappingCheck {
    /** The move must change the angle by at least this before it is judged (deg). */
    public static final double MIN_TRAVEL_DEG = 1.5;
    /** The accelerometer's and the gyro's travel may differ by this fraction, plus {@link #TRAVEL_SLACK_DEG}. */
    public static final double TRAVEL_TOLERANCE = 0.3;
    public static final double TRAVEL_SLACK_DEG = 0.5;

    private AxisMappingCheck() {
    }

    /** Refuses when a pose at rest reads far from its reference angle with the configured mapping. */
    public static Optional<Refusal> atRest(List<PoseAverage> poses, ImuMounting mounting) {
        for (PoseAverage pose : poses) {
            double read = angle(pose, mounting);
            if (Math.abs(read - pose.referenceAngleDeg()) > CalibrationEstimator.MAX_UNCORRECTED_ERROR_DEG) {
                String fix = bestMapping(poses, mounting)
                        .map(m -> String.format(Locale.ROOT, "set %s (it reads every pose within %.1f deg before"
                                + " calibration)", MountingAxes.axisKeys(m), worstError(poses, m)))
                        .orElse("no choice of those keys fits: check that the chip is fitted flat on the bed");
                return Optional.of(new Refusal(RefusalReason.AXIS_MAPPING_WRONG, String.format(Locale.ROOT,
                        "axis mapping wrong: %s the sensor reads %+.1f deg with %s; %s",
                        CalibrationEstimator.poseName(pose), read, MountingAxes.axisKeys(mounting), fix)));
            }
        }
        return Optional.empty();
    }

    /**
     * Judges a hold-to-run move toward inversion (the angle must grow).
     *
     * @param accelTravelDeg change of the corrected accelerometer angle, end minus start
     * @param gyroTravelDeg  the gyro's rate about the rotation axis, integrated over the move
     * @param mounting       the configured mounting, named in the refusal's fix
     */
    public static Optional<Refusal> afterMoveTowardInversion(double accelTravelDeg, double gyroTravelDeg,
            ImuMounting mounting) {
        if (accelTravelDeg < -TRAVEL_SLACK_DEG) {
            return Optional.of(movedTheOtherWay(accelTravelDeg, mounting));
        }
        double gyroAbs = Math.abs(gyroTravelDeg);
        if (Math.max(accelTravelDeg, gyroAbs) < MIN_TRAVEL_DEG) {
            return Optional.of(new Refusal(RefusalReason.NO_MOTION, String.format(Locale.ROOT, "the table hardly moved"
                    + " (angle %+.2f deg, gyro %+.2f deg): check the actuator and its power", accelTravelDeg, gyroTravelDeg)));
        }
        if (gyroTravelDeg < -TRAVEL_SLACK_DEG) {
            return refuse("axis mapping wrong: the gyro turned the other way (%+.1f deg while the angle grew by %+.1f deg):"
                    + " the gyro's axis or sign does not match imu_axis_along / imu_axis_normal",
                    gyroTravelDeg, accelTravelDeg);
        }
        if (Math.abs(accelTravelDeg - gyroTravelDeg) > TRAVEL_TOLERANCE * gyroAbs + TRAVEL_SLACK_DEG) {
            return refuse("axis mapping wrong: the angle changed by %+.1f deg while the gyro measured %+.1f deg of rotation:"
                    + " imu_axis_along / imu_axis_normal do not name the two axes in the plane the bed turns in",
                    accelTravelDeg, gyroTravelDeg);
        }
        return Optional.empty();
    }

    /** The refusal for an angle that fell by {@code travelDeg} (negative) while the table went toward inversion. */
    public static Refusal movedTheOtherWay(double travelDeg, ImuMounting mounting) {
        return new Refusal(RefusalReason.AXIS_MAPPING_WRONG, String.format(Locale.ROOT, "axis mapping wrong: the angle"
                + " moved the other way (%+.1f deg while the table went toward inversion): set imu_axis_along = %s"
                + " (the other sign), or check imu_axis_along / imu_axis_normal", travelDeg,
                MountingAxes.reversed(mounting.axisAlong()).text()));
    }

    private static double angle(PoseAverage pose, ImuMounting m) {
        return m.angleDeg(pose.accelMeanG().x(), pose.accelMeanG().y(), pose.accelMeanG().z());
    }

    private static double worstError(List<PoseAverage> poses, ImuMounting m) {
        double worst = 0;
        for (PoseAverage pose : poses) {
            worst = Math.max(worst, Math.abs(angle(pose, m) - pose.referenceAngleDeg()));
        }
        return worst;
    }

    /** The mapping (same offset and range) that reads every pose closest to its reference, if it is close. */
    static Optional<ImuMounting> bestMapping(List<PoseAverage> poses, ImuMounting configured) {
        ImuMounting best = null;
        double bestError = CalibrationEstimator.MAX_UNCORRECTED_ERROR_DEG;
        for (Axis along : Axis.values()) {
            for (Axis normal : Axis.values()) {
                if (along.index() == normal.index()) {
                    continue;
                }
                ImuMounting m = new ImuMounting(along, normal, configured.offsetDeg(), configured.accelRangeG());
                double error = worstError(poses, m);
                if (error < bestError) {
                    best = m;
                    bestError = error;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Refusal> refuse(String format, Object... args) {
        return Optional.of(new Refusal(RefusalReason.AXIS_MAPPING_WRONG, String.format(Locale.ROOT, format, args)));
    }
}
