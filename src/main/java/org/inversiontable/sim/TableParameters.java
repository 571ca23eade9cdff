package org.inversiontable.sim;

/**
 * The physical constants of the simulated inversion table: actuator, user load, mechanical
 * stops, HOME switch and IMU. Angles follow SPEC §2 (0 flat, +90 head down).
 *
 * <pre>{@code
 * TableParameters p = TableParameters.defaults();
 * SimulatedTable table = new SimulatedTable(p, p.homeDeg(), 80.0, 42L);
 * }</pre>
 *
 * @param noLoadSpeedDegPerS     actuator speed at full duty with no load
 * @param motorLagS              first-order time constant of the speed while powered
 * @param brakeLagS              time constant of the speed decaying to 0 while unpowered (the
 *                               lead screw self-locks, so this is short)
 * @param deadbandDuty           |duty| at or below which the actuator does not move (static friction)
 * @param stallTorqueNm          actuator torque at the pivot at full duty and zero speed
 * @param comOffsetM             user's centre of mass offset from the pivot along the bed toward
 *                               the head; positive means gravity pulls toward inversion
 * @param minAngleDeg            mechanical stop, head-up end
 * @param maxAngleDeg            mechanical stop, head-down end
 * @param homeDeg                upright loading position where the HOME switch sits
 * @param homeSwitchBandDeg      the switch reports "at home" when angle <= homeDeg + band
 * @param imuNoiseDeg            standard deviation of the IMU angle noise
 * @param imuBiasDeg             constant offset of the IMU angle (mounting error)
 * @param imuGravityNoiseG       standard deviation of the measured gravity magnitude around 1 g
 * @param imuSamplePeriodNanos   time between two IMU samples
 */
public record TableParameters(
        double noLoadSpeedDegPerS,
        double motorLagS,
        double brakeLagS,
        double deadbandDuty,
        double stallTorqueNm,
        double comOffsetM,
        double minAngleDeg,
        double maxAngleDeg,
        double homeDeg,
        double homeSwitchBandDeg,
        double imuNoiseDeg,
        double imuBiasDeg,
        double imuGravityNoiseG,
        long imuSamplePeriodNanos) {

    public TableParameters {
        requirePositive("noLoadSpeedDegPerS", noLoadSpeedDegPerS);
        requirePositive("motorLagS", motorLagS);
        requirePositive("brakeLagS", brakeLagS);
        requireRange("deadbandDuty", deadbandDuty, 0.0, 0.5);
        requirePositive("stallTorqueNm", stallTorqueNm);
        requireRange("comOffsetM", comOffsetM, -1.0, 1.0);
        requireRange("minAngleDeg", minAngleDeg, -90.0, 90.0);
        requireRange("maxAngleDeg", maxAngleDeg, -90.0, 90.0);
        if (minAngleDeg >= maxAngleDeg) {
            throw new IllegalArgumentException(
                    "minAngleDeg (" + minAngleDeg + ") must be below maxAngleDeg (" + maxAngleDeg + ")");
        }
        requireRange("homeDeg", homeDeg, minAngleDeg, maxAngleDeg);
        requireRange("homeSwitchBandDeg", homeSwitchBandDeg, 0.0, 10.0);
        requireRange("imuNoiseDeg", imuNoiseDeg, 0.0, 10.0);
        requireRange("imuBiasDeg", imuBiasDeg, -10.0, 10.0);
        requireRange("imuGravityNoiseG", imuGravityNoiseG, 0.0, 0.5);
        if (imuSamplePeriodNanos <= 0) {
            throw new IllegalArgumentException("imuSamplePeriodNanos must be > 0, was " + imuSamplePeriodNanos);
        }
    }

    /** A plausible home-built table: 10 deg/s actuator, self-locking screw, MPU-6050 at 200 Hz. */
    public static TableParameters defaults() {
        return new TableParameters(
                10.0, 0.12, 0.02, 0.04, 600.0, 0.04,
                -70.0, 90.0, -65.0, 0.5,
                0.3, 0.2, 0.005, 5_000_000L);
    }

    /** The same table with a different IMU (tests use a noiseless or unbiased sensor). */
    public TableParameters withImu(double noiseDeg, double biasDeg, double gravityNoiseG) {
        return new TableParameters(noLoadSpeedDegPerS, motorLagS, brakeLagS, deadbandDuty, stallTorqueNm,
                comOffsetM, minAngleDeg, maxAngleDeg, homeDeg, homeSwitchBandDeg,
                noiseDeg, biasDeg, gravityNoiseG, imuSamplePeriodNanos);
    }

    private static void requirePositive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0.0) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + value);
        }
    }
}
