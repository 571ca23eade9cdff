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
 * @param stallTorqueNm          actuator torque at the pivot at full duty and zero speed while it
 *                               raises the load, as a datasheet rates an actuator's force (the
 *                               screw's friction when raising is inside this figure)
 * @param screwLeadM             lead of the actuator's lead screw: travel per turn
 * @param screwMeanDiameterM     mean (pitch) diameter of the lead screw
 * @param screwFriction          friction coefficient between the screw's flanks and the nut
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
 * @param imuGyroBiasDegPerS     the gyro's zero-rate offset about the pivot (uncalibrated; the
 *                               datasheet allows ±20 deg/s)
 * @param imuGyroNoiseDegPerS    standard deviation of the gyro's rate noise per sample
 * @param imuJoltG               jolts along the bed (a person shifting, a knock): their size in g
 *                               beside gravity; 0 = none (the default, so scenarios are unchanged)
 * @param imuJoltDurationS       how long each jolt lasts
 * @param imuJoltIntervalS       time from one jolt's start to the next (the first starts after one interval)
 */
public record TableParameters(
        double noLoadSpeedDegPerS,
        double motorLagS,
        double brakeLagS,
        double deadbandDuty,
        double stallTorqueNm,
        double screwLeadM,
        double screwMeanDiameterM,
        double screwFriction,
        double comOffsetM,
        double minAngleDeg,
        double maxAngleDeg,
        double homeDeg,
        double homeSwitchBandDeg,
        double imuNoiseDeg,
        double imuBiasDeg,
        double imuGravityNoiseG,
        long imuSamplePeriodNanos,
        double imuGyroBiasDegPerS,
        double imuGyroNoiseDegPerS,
        double imuJoltG,
        double imuJoltDurationS,
        double imuJoltIntervalS) {

    /** The gyro of {@link #defaults()}: a typical uncalibrated MPU-6050 offset; total noise 0.05 deg/s rms (datasheet). */
    public static final double DEFAULT_GYRO_BIAS_DEG_PER_S = 2.0;
    public static final double DEFAULT_GYRO_NOISE_DEG_PER_S = 0.05;

    public TableParameters {
        requirePositive("noLoadSpeedDegPerS", noLoadSpeedDegPerS);
        requirePositive("motorLagS", motorLagS);
        requirePositive("brakeLagS", brakeLagS);
        requireRange("deadbandDuty", deadbandDuty, 0.0, 0.5);
        requirePositive("stallTorqueNm", stallTorqueNm);
        requirePositive("screwLeadM", screwLeadM);
        requirePositive("screwMeanDiameterM", screwMeanDiameterM);
        requireRange("screwFriction", screwFriction, 0.0, 1.0);
        if (!LeadScrew.isSelfLocking(screwLeadM, screwMeanDiameterM, screwFriction)) {
            // The table must stay where it is when the motor stops, under any user (SPEC §3, §6:
            // the safe state is "motor disabled"); a screw the load can back-drive would let it fall.
            throw new IllegalArgumentException("the lead screw must be self-locking (mu' * pi * d > lead): lead "
                    + screwLeadM + " m, mean diameter " + screwMeanDiameterM + " m, friction " + screwFriction);
        }
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
        requireRange("imuGyroBiasDegPerS", imuGyroBiasDegPerS, -40.0, 40.0);
        requireRange("imuGyroNoiseDegPerS", imuGyroNoiseDegPerS, 0.0, 5.0);
        requireRange("imuJoltG", imuJoltG, -1.0, 1.0);
        requireRange("imuJoltDurationS", imuJoltDurationS, 0.0, 10.0);
        requireRange("imuJoltIntervalS", imuJoltIntervalS, 0.01, 3600.0);
        if (imuJoltDurationS >= imuJoltIntervalS) {
            throw new IllegalArgumentException("imuJoltDurationS (" + imuJoltDurationS
                    + ") must be shorter than imuJoltIntervalS (" + imuJoltIntervalS + ")");
        }
    }

    /** Without the gyro's and the jolts' parameters: the default gyro, no jolts. */
    public TableParameters(double noLoadSpeedDegPerS, double motorLagS, double brakeLagS, double deadbandDuty,
                           double stallTorqueNm, double screwLeadM, double screwMeanDiameterM, double screwFriction,
                           double comOffsetM, double minAngleDeg, double maxAngleDeg, double homeDeg,
                           double homeSwitchBandDeg, double imuNoiseDeg, double imuBiasDeg, double imuGravityNoiseG,
                           long imuSamplePeriodNanos) {
        this(noLoadSpeedDegPerS, motorLagS, brakeLagS, deadbandDuty, stallTorqueNm, screwLeadM, screwMeanDiameterM,
                screwFriction, comOffsetM, minAngleDeg, maxAngleDeg, homeDeg, homeSwitchBandDeg, imuNoiseDeg,
                imuBiasDeg, imuGravityNoiseG, imuSamplePeriodNanos, DEFAULT_GYRO_BIAS_DEG_PER_S,
                DEFAULT_GYRO_NOISE_DEG_PER_S, 0.0, 0.1, 1.0);
    }

    /**
     * A plausible home-built table: 10 deg/s actuator, MPU-6050 at 200 Hz, and the lead screw of a
     * typical 12 V linear actuator: an ISO 2904 trapezoidal Tr16x4 (4 mm lead, single start,
     * 14 mm pitch diameter d2 = d - P/2) running in a plastic (POM) nut, flank friction 0.12
     * (steel on acetal, lubricated: 0.1-0.15). Lead angle 5.2 deg against a friction angle of
     * 7.1 deg (with the thread's 15 deg flank): self-locking, as such actuators are sold.
     */
    public static TableParameters defaults() {
        return new TableParameters(
                10.0, 0.12, 0.02, 0.04, 600.0, 0.004, 0.014, 0.12, 0.04,
                -70.0, 90.0, -65.0, 0.5,
                0.3, 0.2, 0.005, 5_000_000L,
                DEFAULT_GYRO_BIAS_DEG_PER_S, DEFAULT_GYRO_NOISE_DEG_PER_S, 0.0, 0.1, 1.0);
    }

    /** The same table with its HOME switch at another angle (the configured home). */
    public TableParameters withHomeDeg(double newHomeDeg) {
        return new TableParameters(noLoadSpeedDegPerS, motorLagS, brakeLagS, deadbandDuty, stallTorqueNm,
                screwLeadM, screwMeanDiameterM, screwFriction, comOffsetM, minAngleDeg, maxAngleDeg, newHomeDeg,
                homeSwitchBandDeg, imuNoiseDeg, imuBiasDeg, imuGravityNoiseG, imuSamplePeriodNanos,
                imuGyroBiasDegPerS, imuGyroNoiseDegPerS, imuJoltG, imuJoltDurationS, imuJoltIntervalS);
    }

    /** The same table with a different IMU (tests use a noiseless or unbiased sensor). */
    public TableParameters withImu(double noiseDeg, double biasDeg, double gravityNoiseG) {
        return new TableParameters(noLoadSpeedDegPerS, motorLagS, brakeLagS, deadbandDuty, stallTorqueNm,
                screwLeadM, screwMeanDiameterM, screwFriction, comOffsetM, minAngleDeg, maxAngleDeg, homeDeg, homeSwitchBandDeg,
                noiseDeg, biasDeg, gravityNoiseG, imuSamplePeriodNanos,
                imuGyroBiasDegPerS, imuGyroNoiseDegPerS, imuJoltG, imuJoltDurationS, imuJoltIntervalS);
    }

    /** The same table with another gyro (offset and noise, deg/s). */
    public TableParameters withGyro(double biasDegPerS, double noiseDegPerS) {
        return new TableParameters(noLoadSpeedDegPerS, motorLagS, brakeLagS, deadbandDuty, stallTorqueNm,
                screwLeadM, screwMeanDiameterM, screwFriction, comOffsetM, minAngleDeg, maxAngleDeg, homeDeg, homeSwitchBandDeg,
                imuNoiseDeg, imuBiasDeg, imuGravityNoiseG, imuSamplePeriodNanos,
                biasDegPerS, noiseDegPerS, imuJoltG, imuJoltDurationS, imuJoltIntervalS);
    }

    /**
     * The same table with jolts along the bed: {@code joltG} for {@code durationS}, one every
     * {@code intervalS} (tests of the sensor's filter; scenarios run without).
     */
    public TableParameters withJolts(double joltG, double durationS, double intervalS) {
        return new TableParameters(noLoadSpeedDegPerS, motorLagS, brakeLagS, deadbandDuty, stallTorqueNm,
                screwLeadM, screwMeanDiameterM, screwFriction, comOffsetM, minAngleDeg, maxAngleDeg, homeDeg, homeSwitchBandDeg,
                imuNoiseDeg, imuBiasDeg, imuGravityNoiseG, imuSamplePeriodNanos,
                imuGyroBiasDegPerS, imuGyroNoiseDegPerS, joltG, durationS, intervalS);
    }

    /**
     * Motor torque that lowering a load takes, as a fraction of what raising it takes: the load's
     * torque is reduced, never reversed, by the self-locking screw (about 0.15 for the Tr16x4).
     */
    public double lowerToRaiseTorqueRatio() {
        return LeadScrew.lowerToRaiseTorqueRatio(screwLeadM, screwMeanDiameterM, screwFriction);
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
