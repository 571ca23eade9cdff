package org.inversiontable.control;

import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.motion.ActuatorCurve;
import org.inversiontable.motion.MotionLimits;
import org.inversiontable.safety.SafetySettings;

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
        MotionLimits down = SafetySettings.configuredDownLimits(config);
        MotionLimits back = SafetySettings.configuredReturnLimits(config);
        return new ControlSettings(
                config.number(ConfigKey.MAX_ANGLE_DEG),
                config.number(ConfigKey.HOME_DEG),
                config.number(ConfigKey.PRESET_DEG),
                config.number(ConfigKey.FLAT_REST_DEG),
                config.number(ConfigKey.REST_AT_FLAT_S),
                down.withVMaxDegPerS(PLANNED_SPEED_FRACTION * down.vMaxDegPerS()),
                back.withVMaxDegPerS(PLANNED_SPEED_FRACTION * back.vMaxDegPerS()),
                config.number(ConfigKey.ACTUATOR_SPEED_DEG_S),
                config.number(ConfigKey.ACTUATOR_MIN_DUTY),
                config.number(ConfigKey.ACTUATOR_LAG_S),
                config.number(ConfigKey.STUCK_BUTTON_S));
    }

    /**
     * These settings under a session's limits (SPEC §13), each at most the configured one, with
     * moves planned below the speed limits as {@link #from} plans them.
     */
    public ControlSettings under(double sessionMaxAngleDeg, MotionLimits sessionDown, MotionLimits sessionBack) {
        MotionLimits down = sessionDown.withVMaxDegPerS(PLANNED_SPEED_FRACTION * sessionDown.vMaxDegPerS()).atMost(downLimits);
        MotionLimits back = sessionBack.withVMaxDegPerS(PLANNED_SPEED_FRACTION * sessionBack.vMaxDegPerS()).atMost(returnLimits);
        return new ControlSettings(Math.min(sessionMaxAngleDeg, maxAngleDeg), homeDeg, presetDeg, flatRestDeg,
                restAtFlatS, down, back, actuatorSpeedDegPerS, actuatorMinDuty, actuatorLagS, stuckButtonS);
    }

    /** The actuator as the feed-forward models it, from the actuator keys. */
    public ActuatorCurve actuatorCurve() {
        return new ActuatorCurve(actuatorSpeedDegPerS, actuatorMinDuty);
    }

    /** A preset angle made safe to go to: never past the angle limit, never below home. */
    public double clampToEnvelope(double angleDeg) {
        return Math.max(homeDeg, Math.min(maxAngleDeg, angleDeg));
    }
}
