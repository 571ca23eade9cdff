package org.inversiontable.hardware;

/**
 * The IMU's per-axis corrections, measured on the table by {@code calibrate} (SPEC §8) and kept
 * with the program's state (never in the configuration file, which the service cannot write).
 * The driver applies them to the raw chip axes, before the mounting's axis mapping: corrected =
 * (raw - offset) * scale for the accelerometer, raw - offset for the gyro.
 *
 * @param accelOffsetG   the accelerometer's zero-g offsets of the chip's x, y and z axes (g)
 * @param accelScale     the accelerometer's scale corrections of x, y and z (1 = none)
 * @param gyroOffsetDegS the gyro's zero-rate offsets of x, y and z (deg/s)
 */
public record ImuCalibration(Axes accelOffsetG, Axes accelScale, Axes gyroOffsetDegS) {
    /** What an uncalibrated sensor uses: no offsets, unit scale. */
    public static final ImuCalibration NONE = new ImuCalibration(Axes.ZERO, new Axes(1.0, 1.0, 1.0), Axes.ZERO);

    /** Largest offsets and scale errors a working MPU-6050 shows (datasheet: ±50 mg, ±3 %, ±20 °/s). */
    public static final double MAX_ACCEL_OFFSET_G = 0.25;
    public static final double MAX_SCALE_ERROR = 0.10;
    public static final double MAX_GYRO_OFFSET_DEG_S = 40.0;

    public ImuCalibration {
        if (accelOffsetG == null || accelScale == null || gyroOffsetDegS == null) {
            throw new IllegalArgumentException("every axis set must be given");
        }
        accelOffsetG.requireWithin("accelerometer offset (g)", -MAX_ACCEL_OFFSET_G, MAX_ACCEL_OFFSET_G);
        accelScale.requireWithin("accelerometer scale", 1.0 - MAX_SCALE_ERROR, 1.0 + MAX_SCALE_ERROR);
        gyroOffsetDegS.requireWithin("gyro offset (deg/s)", -MAX_GYRO_OFFSET_DEG_S, MAX_GYRO_OFFSET_DEG_S);
    }

    /** One value per chip axis. */
    public record Axes(double x, double y, double z) {
        public static final Axes ZERO = new Axes(0.0, 0.0, 0.0);

        /** The value of axis 0 (x), 1 (y) or 2 (z). */
        public double get(int axis) {
            return switch (axis) {
                case 0 -> x;
                case 1 -> y;
                case 2 -> z;
                default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, was " + axis);
            };
        }

        void requireWithin(String what, double min, double max) {
            for (int i = 0; i < 3; i++) {
                double v = get(i);
                if (!(v >= min && v <= max)) {
                    throw new IllegalArgumentException(what + " of axis " + "xyz".charAt(i) + " must be within "
                            + min + ".." + max + ", was " + v);
                }
            }
        }
    }
}
