package org.inversiontable.scenario;

import java.util.HashSet;
import java.util.Set;

/** Collects the settings of a {@code start} line over the defaults of {@link StartState}. */
final class StartBuilder {
    private static final String KEYS = "angle_deg, user_kg, seed, imu_noise_deg, imu_bias_deg";

    private final StartState defaults = StartState.defaults();
    private double angleDeg = defaults.angleDeg();
    private double userKg = defaults.userKg();
    private long seed = defaults.seed();
    private double imuNoiseDeg = defaults.imuNoiseDeg();
    private double imuBiasDeg = defaults.imuBiasDeg();
    private final Set<String> seen = new HashSet<>();

    void set(String[] pair) throws LineProblem {
        String key = pair[0];
        String value = pair[1];
        switch (key) {
            case "angle_deg" -> angleDeg = Tokens.number(value, key, StartState.ANGLE_MIN_DEG, StartState.ANGLE_MAX_DEG);
            case "user_kg" -> userKg = Tokens.number(value, key, StartState.USER_MIN_KG, StartState.USER_MAX_KG);
            case "seed" -> seed = Tokens.integer(value, key);
            case "imu_noise_deg" -> imuNoiseDeg = Tokens.number(value, key, 0, StartState.IMU_NOISE_MAX_DEG);
            case "imu_bias_deg" -> imuBiasDeg = Tokens.number(value, key,
                    -StartState.IMU_BIAS_LIMIT_DEG, StartState.IMU_BIAS_LIMIT_DEG);
            default -> throw new LineProblem("unknown start key '" + key + "'; allowed: " + KEYS);
        }
        if (!seen.add(key)) {
            throw new LineProblem(key + " is set twice on the start line");
        }
    }

    StartState build() {
        return new StartState(angleDeg, userKg, seed, imuNoiseDeg, imuBiasDeg);
    }
}
