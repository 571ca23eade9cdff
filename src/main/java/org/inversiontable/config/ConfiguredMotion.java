package org.inversiontable.config;

import org.inversiontable.motion.MotionLimits;
import org.inversiontable.motion.ReturnDuration;

/**
 * The motion limits and the return-duration estimate that a configuration sets, computed in one
 * place for the configuration check, the supervisor and the controller alike.
 *
 * <pre>{@code
 * MotionLimits back = ConfiguredMotion.returnLimits(config);
 * double fewestS = ConfiguredMotion.returnDuration(config).requiredBudgetS();
 * }</pre>
 */
public final class ConfiguredMotion {
    private ConfiguredMotion() {
    }

    /** The configured limits of any move (SPEC §3): v_max_deg_s, a_max_deg_s2, j_max_deg_s3. */
    public static MotionLimits downLimits(Config config) {
        return new MotionLimits(config.number(ConfigKey.V_MAX_DEG_S), config.number(ConfigKey.A_MAX_DEG_S2),
                config.number(ConfigKey.J_MAX_DEG_S3));
    }

    /** The same for moves toward upright, at v_return_deg_s but never above v_max_deg_s. */
    public static MotionLimits returnLimits(Config config) {
        MotionLimits down = downLimits(config);
        return down.withVMaxDegPerS(Math.min(down.vMaxDegPerS(), config.number(ConfigKey.V_RETURN_DEG_S)));
    }

    /** The worst-case automatic return of this configuration, from up to max_angle_deg. */
    public static ReturnDuration returnDuration(Config config) {
        return new ReturnDuration(downLimits(config), returnLimits(config), config.number(ConfigKey.MAX_ANGLE_DEG));
    }
}
