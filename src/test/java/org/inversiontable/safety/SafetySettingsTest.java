package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.config.AbsoluteCaps;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.motion.MotionLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SPEC §3: the safety side re-checks every limit against the compiled-in caps, whatever built it. */
class SafetySettingsTest {
    private static final MotionLimits AT_CAPS = new MotionLimits(AbsoluteCaps.MAX_SPEED_DEG_S,
            AbsoluteCaps.MAX_ACCELERATION_DEG_S2, AbsoluteCaps.MAX_JERK_DEG_S3);

    private static SafetySettings settings(double angle, double time, MotionLimits down, MotionLimits back) {
        return new SafetySettings(angle, time, -65, -1, down, back, 10, 0.04, 10_000_000L);
    }

    @Test
    void limitsAtTheirCapsAreAccepted() {
        assertDoesNotThrow(() -> settings(AbsoluteCaps.MAX_ANGLE_DEG, AbsoluteCaps.MAX_INVERTED_S, AT_CAPS, AT_CAPS));
    }

    @ParameterizedTest(name = "{0} above its cap")
    @ValueSource(strings = {"angle", "time", "speed", "acceleration", "jerk", "return acceleration", "NaN angle"})
    void anyLimitAboveItsCapIsRefused(String which) {
        double up = 1e-9;
        MotionLimits down = switch (which) {
            case "speed" -> AT_CAPS.withVMaxDegPerS(AbsoluteCaps.MAX_SPEED_DEG_S + up);
            case "acceleration" -> new MotionLimits(5, AbsoluteCaps.MAX_ACCELERATION_DEG_S2 + up, 6);
            case "jerk" -> new MotionLimits(5, 3, AbsoluteCaps.MAX_JERK_DEG_S3 + up);
            default -> AT_CAPS;
        };
        MotionLimits back = which.equals("return acceleration")
                ? new MotionLimits(3, AbsoluteCaps.MAX_ACCELERATION_DEG_S2 + up, 6) : AT_CAPS;
        double angle = which.equals("angle") ? AbsoluteCaps.MAX_ANGLE_DEG + up
                : which.equals("NaN angle") ? Double.NaN : 30;
        double time = which.equals("time") ? AbsoluteCaps.MAX_INVERTED_S + up : 180;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(angle, time, down, back));
        assertTrue(e.getMessage().contains("cap"), e.getMessage());
    }

    @Test
    void theConfigurationTableTakesItsBoundsFromTheSameCaps() {
        assertTrue(ConfigKey.MAX_ANGLE_DEG.max() == AbsoluteCaps.MAX_ANGLE_DEG
                && ConfigKey.MAX_INVERTED_S.max() == AbsoluteCaps.MAX_INVERTED_S
                && ConfigKey.V_MAX_DEG_S.max() == AbsoluteCaps.MAX_SPEED_DEG_S
                && ConfigKey.V_RETURN_DEG_S.max() == AbsoluteCaps.MAX_SPEED_DEG_S
                && ConfigKey.A_MAX_DEG_S2.max() == AbsoluteCaps.MAX_ACCELERATION_DEG_S2
                && ConfigKey.J_MAX_DEG_S3.max() == AbsoluteCaps.MAX_JERK_DEG_S3);
        assertDoesNotThrow(() -> SafetySettings.from(Config.defaults(), 10_000_000L));
    }
}
