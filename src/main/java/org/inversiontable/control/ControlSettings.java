package org.inversiontable.control;

import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.motion.MotionLimits;

/**
 * What the controller reads from the configuration, once. The limits here are already the
 * configured ones, which the configuration table keeps at or below the absolute caps of SPEC §3.
 */
public record ControlSettings(double maxAngleDeg, double homeDeg, double presetDeg, double flatRestDeg,
                              double restAtFlatS, MotionLimits downLimits, MotionLimits returnLimits,
                              double actuatorSpeedDegPerS, double actuatorMinDuty, double actuatorLagS,
                              double stuckButtonS) {

    /**
     * Moves are planned a little below the speed limit, so that the table's tracking error
     * (load, lag, sensor noise) keeps the real speed under it.
     */
    public static final double PLANNED_SPEED_FRACTION = 0.95;

    public static ControlSettings from(Config config) {
        double vMax = PLANNED_SPEED_FRACTION * config.number(ConfigKey.V_MAX_DEG_S);
        double aMax = config.number(ConfigKey.A_MAX_DEG_S2);
        double jMax = config.number(ConfigKey.J_MAX_DEG_S3);
        double vReturn = Math.min(vMax, PLANNED_SPEED_FRACTION * config.number(ConfigKey.V_RETURN_DEG_S));
        return new ControlSettings(
                config.number(ConfigKey.MAX_ANGLE_DEG),
                config.number(ConfigKey.HOME_DEG),
                config.number(ConfigKey.PRESET_DEG),
                config.number(ConfigKey.FLAT_REST_DEG),
                config.number(ConfigKey.REST_AT_FLAT_S),
                new MotionLimits(vMax, aMax, jMax),
                new MotionLimits(vReturn, aMax, jMax),
                config.number(ConfigKey.ACTUATOR_SPEED_DEG_S),
                config.number(ConfigKey.ACTUATOR_MIN_DUTY),
                config.number(ConfigKey.ACTUATOR_LAG_S),
                config.number(ConfigKey.STUCK_BUTTON_S));
    }

    /** The limits in force for a move in the given direction: toward upright is gentler (SPEC §3). */
    public MotionLimits limitsToward(double fromDeg, double toDeg) {
        return toDeg < fromDeg ? returnLimits : downLimits;
    }

    /** A preset angle made safe to go to: never past the angle limit, never below home. */
    public double clampToEnvelope(double angleDeg) {
        return Math.max(homeDeg, Math.min(maxAngleDeg, angleDeg));
    }
}
