package org.inversiontable.safety;

import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.config.ConfiguredMotion;
import org.inversiontable.motion.MotionLimits;

/**
 * What the supervisor reads from the configuration, once. Every limit is at or below its
 * absolute cap of SPEC §3 (the configuration table's bounds guarantee it; the compact
 * constructor checks again, so no path can raise one).
 */
public record SafetySettings(double maxAngleDeg, double maxInvertedS, double homeDeg, double flatRestDeg,
                             MotionLimits downLimits, MotionLimits returnLimits, double actuatorSpeedDegPerS,
                             double actuatorMinDuty, long periodNanos) {

    public static final double ABSOLUTE_MAX_ANGLE_DEG = 90.0;
    public static final double ABSOLUTE_MAX_INVERTED_S = 900.0;
    public static final double ABSOLUTE_MAX_SPEED_DEG_S = 8.0;

    public SafetySettings {
        if (!(maxAngleDeg <= ABSOLUTE_MAX_ANGLE_DEG)) {
            throw new IllegalArgumentException("maxAngleDeg " + maxAngleDeg + " above the cap of " + ABSOLUTE_MAX_ANGLE_DEG);
        }
        if (!(maxInvertedS <= ABSOLUTE_MAX_INVERTED_S)) {
            throw new IllegalArgumentException("maxInvertedS " + maxInvertedS + " above the cap of " + ABSOLUTE_MAX_INVERTED_S);
        }
        if (!(downLimits.vMaxDegPerS() <= ABSOLUTE_MAX_SPEED_DEG_S && returnLimits.vMaxDegPerS() <= ABSOLUTE_MAX_SPEED_DEG_S)) {
            throw new IllegalArgumentException("speed above the cap of " + ABSOLUTE_MAX_SPEED_DEG_S);
        }
        if (!(flatRestDeg <= 0.0)) {
            throw new IllegalArgumentException("flatRestDeg must not be above 0, was " + flatRestDeg);
        }
    }

    public static SafetySettings from(Config config, long periodNanos) {
        return new SafetySettings(
                config.number(ConfigKey.MAX_ANGLE_DEG),
                config.number(ConfigKey.MAX_INVERTED_S),
                config.number(ConfigKey.HOME_DEG),
                config.number(ConfigKey.FLAT_REST_DEG),
                configuredDownLimits(config),
                configuredReturnLimits(config),
                config.number(ConfigKey.ACTUATOR_SPEED_DEG_S),
                config.number(ConfigKey.ACTUATOR_MIN_DUTY),
                periodNanos);
    }

    /** The configured limits of any move (SPEC §3): v_max_deg_s, a_max_deg_s2, j_max_deg_s3. */
    public static MotionLimits configuredDownLimits(Config config) {
        return ConfiguredMotion.downLimits(config);
    }

    /** The same for moves toward upright, at v_return_deg_s but never above v_max_deg_s. */
    public static MotionLimits configuredReturnLimits(Config config) {
        return ConfiguredMotion.returnLimits(config);
    }
}
