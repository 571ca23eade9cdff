package org.inversiontable.scenario;

/**
 * The initial state of the simulated table, from a scenario's {@code start} line. The bounds are
 * declared here once; the parser quotes them in its messages.
 *
 * @param angleDeg    true table angle at t = 0 (the mechanical range)
 * @param userKg      mass of the user on the bed
 * @param seed        seed of every random source of the simulation, so a run repeats exactly
 * @param imuNoiseDeg standard deviation of the IMU's Gaussian noise
 * @param imuBiasDeg  constant offset of the IMU reading
 */
public record StartState(double angleDeg, double userKg, long seed, double imuNoiseDeg, double imuBiasDeg) {
    public static final double ANGLE_MIN_DEG = -70;
    public static final double ANGLE_MAX_DEG = 90;
    public static final double USER_MIN_KG = 30;
    public static final double USER_MAX_KG = 200;
    public static final double IMU_NOISE_MAX_DEG = 5;
    public static final double IMU_BIAS_LIMIT_DEG = 5;

    public StartState {
        inRange("angleDeg", angleDeg, ANGLE_MIN_DEG, ANGLE_MAX_DEG);
        inRange("userKg", userKg, USER_MIN_KG, USER_MAX_KG);
        inRange("imuNoiseDeg", imuNoiseDeg, 0, IMU_NOISE_MAX_DEG);
        inRange("imuBiasDeg", imuBiasDeg, -IMU_BIAS_LIMIT_DEG, IMU_BIAS_LIMIT_DEG);
    }

    /** Upright at home, an 80 kg user, seed 1, a typical MPU-6050's noise and bias. */
    public static StartState defaults() {
        return new StartState(-65, 80, 1, 0.3, 0.2);
    }

    private static void inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in " + min + " .. " + max + ", got " + value);
        }
    }
}
