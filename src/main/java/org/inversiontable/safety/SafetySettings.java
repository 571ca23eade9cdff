package org.inversiontable.safety;

import org.inversiontable.config.AbsoluteCaps;
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

    public SafetySettings {
        atMostCap("maxAngleDeg", maxAngleDeg, AbsoluteCaps.MAX_ANGLE_DEG);
        atMostCap("maxInvertedS", maxInvertedS, AbsoluteCaps.MAX_INVERTED_S);
        for (MotionLimits limits : new MotionLimits[] {downLimits, returnLimits}) {
            atMostCap("speed", limits.vMaxDegPerS(), AbsoluteCaps.MAX_SPEED_DEG_S);
            atMostCap("acceleration", limits.aMaxDegPerS2(), AbsoluteCaps.MAX_ACCELERATION_DEG_S2);
            atMostCap("jerk", limits.jMaxDegPerS3(), AbsoluteCaps.MAX_JERK_DEG_S3);
        }
        if (!(flatRestDeg <= 0.0)) {
            throw new IllegalArgumentException("flatRestDeg must not be above 0, was " + flatRestDeg);
        }
    }

    /** SPEC §3: within this of home (deg) the table is "at home" for the session and the return. */
    public static final double HOME_BAND_DEG = 2.0;
    /** Inputs are debounced from power-on: readings before this are not yet the contacts' state. */
    public static final long INPUT_SETTLE_NANOS = 100_000_000L;
    /** SPEC §4: STOP held this long resets a latched e-stop or fault. */
    public static final long STOP_HOLD_TO_RESET_NANOS = 2_000_000_000L;
    /** SPEC §6: limp home moves toward upright at half the return speed. */
    public static final double LIMP_SHARE_OF_RETURN_SPEED = 0.5;

    /** The limp-home speed (deg/s) for these return limits: one value for the controller and the gate. */
    public static double limpSpeedDegPerS(MotionLimits returnLimits) {
        return returnLimits.vMaxDegPerS() * LIMP_SHARE_OF_RETURN_SPEED;
    }

    /** Also refuses NaN: a limit that compares false with its cap is no limit. */
    private static void atMostCap(String name, double value, double cap) {
        if (!(value <= cap)) {
            throw new IllegalArgumentException(name + " " + value + " above the cap of " + cap + " (SPEC §3)");
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
