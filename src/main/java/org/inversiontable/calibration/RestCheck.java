package org.inversiontable.calibration;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a pose's samples were taken on a table that stood still with a firmly fixed sensor.
 * An offset fitted to a moving or shaking sensor is wrong in a way no later check can see, so
 * such a pose is refused, with what was seen and the fix.
 *
 * <p>Bounds: an MPU-6050 at rest behind its 44 Hz filter shows about 3 mg and 0.1 deg/s of noise
 * (datasheet noise densities), so 15 mg and 1 deg/s leave a wide margin for a quiet table and
 * none for a touched one; a drift of 4 mg between the halves of the window is about 0.25 deg of
 * creep, beyond which the pose's angle is not one angle.
 */
public final class RestCheck {
    public static final int MIN_SAMPLES = 100;
    public static final double MAX_ACCEL_STD_G = 0.015;
    public static final double MAX_GYRO_STD_DEG_S = 1.0;
    public static final double MAX_ACCEL_DRIFT_G = 0.004;
    /** SPEC §6's plausible gravity, the same bounds the supervisor applies to every sample. */
    public static final double MIN_GRAVITY_G = 0.8;
    public static final double MAX_GRAVITY_G = 1.2;

    private RestCheck() {
    }

    /** Empty when the pose is usable; else why not. {@code pose} names it in the message ("at home"). */
    public static Optional<Refusal> judge(String pose, PoseAverage avg) {
        if (avg.samples() < MIN_SAMPLES) {
            return refuse(RefusalReason.SENSOR_SILENT, "%s the sensor gave only %d fresh samples (at least %d expected):"
                    + " check the IMU's wiring and i2c_bus / i2c_address", pose, avg.samples(), MIN_SAMPLES);
        }
        for (int i = 0; i < 3; i++) {
            if (avg.gyroStdDegS().get(i) > MAX_GYRO_STD_DEG_S) {
                return refuse(RefusalReason.TABLE_MOVING, "%s the table was moving (the gyro's %c axis varied by %.2f deg/s,"
                        + " at most %.2f at rest): let go of the buttons and keep off the table while it samples",
                        pose, axis(i), avg.gyroStdDegS().get(i), MAX_GYRO_STD_DEG_S);
            }
        }
        for (int i = 0; i < 3; i++) {
            if (avg.accelStdG().get(i) > MAX_ACCEL_STD_G) {
                return refuse(RefusalReason.VIBRATION, "%s the accelerometer's %c axis shook by %.4f g (at most %.4f at"
                        + " rest): nobody may touch the table while it samples; if nobody did, the sensor's mounting is"
                        + " loose: tighten it", pose, axis(i), avg.accelStdG().get(i), MAX_ACCEL_STD_G);
            }
        }
        if (avg.accelDriftG() > MAX_ACCEL_DRIFT_G) {
            return refuse(RefusalReason.TABLE_MOVING, "%s the table was moving (the reading drifted by %.4f g within the"
                    + " sampling window, at most %.4f at rest): wait until it has stopped, then try again",
                    pose, avg.accelDriftG(), MAX_ACCEL_DRIFT_G);
        }
        double g = norm(avg);
        if (!(g >= MIN_GRAVITY_G && g <= MAX_GRAVITY_G)) {
            return refuse(RefusalReason.GRAVITY_IMPLAUSIBLE, "%s the sensor reads %.3f g at rest, not %.1f..%.1f g: check"
                    + " imu_accel_range_g and that the chip is an MPU-6050 family part", pose, g, MIN_GRAVITY_G, MAX_GRAVITY_G);
        }
        return Optional.empty();
    }

    private static double norm(PoseAverage avg) {
        double x = avg.accelMeanG().x();
        double y = avg.accelMeanG().y();
        double z = avg.accelMeanG().z();
        return Math.sqrt(x * x + y * y + z * z);
    }

    static char axis(int i) {
        return "xyz".charAt(i);
    }

    private static Optional<Refusal> refuse(RefusalReason reason, String format, Object... args) {
        return Optional.of(new Refusal(reason, String.format(Locale.ROOT, format, args)));
    }
}
