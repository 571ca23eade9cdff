package org.inversiontable.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inversiontable.motion.ReturnDuration;
import org.inversiontable.progression.LevelLimits;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 with §13: the configuration check proves that the automatic return from a profile's
 * ceiling fits in its time; every level under that ceiling must fit too, since a level lowers the
 * time as well as the angle. Over a sweep of every ceiling the check lets through, at the slowest
 * and fastest return speeds and accelerations.
 */
class ProfileLevelsFitTest {
    @Test
    void everyLevelOfEveryAcceptedCeilingHasTimeForItsReturn() {
        int ceilings = 0;
        for (double angle : new double[] {0, 5, 15, 20, 25, 30, 45, 60, 75, 90}) {
            for (double time : new double[] {10, 30, 60, 120, 130, 180, 300, 600, 900}) {
                for (double vReturn : new double[] {0.5, 1, 3, 8}) {
                    for (double aMax : new double[] {0.5, 3, 6}) {
                        Config table = Config.defaults().with(Map.of(ConfigKey.MAX_ANGLE_DEG, "90",
                                ConfigKey.MAX_INVERTED_S, "900", ConfigKey.V_MAX_DEG_S, "8", ConfigKey.V_RETURN_DEG_S, "8",
                                ConfigKey.A_MAX_DEG_S2, fmt(aMax), ConfigKey.FLAT_REST_DEG, "-5"));
                        ProfileSpec p = new ProfileSpec("p", Map.of(ProfileKey.MAX_ANGLE_DEG, fmt(angle),
                                ProfileKey.MAX_INVERTED_S, fmt(time), ProfileKey.V_RETURN_DEG_S, fmt(vReturn),
                                ProfileKey.PROGRESSION, "on"));
                        Config withProfile = table.withProfiles(List.of(p));
                        if (!ConfigCrossChecks.problems(withProfile).isEmpty()) {
                            continue;
                        }
                        ceilings++;
                        Config ceiling = p.ceiling(table);
                        for (int n = 0; n <= LevelLimits.topLevel(angle, time); n++) {
                            LevelLimits level = LevelLimits.of(n, angle, time);
                            double needS = new ReturnDuration(ConfiguredMotion.downLimits(ceiling),
                                    ConfiguredMotion.returnLimits(ceiling), level.angleDeg()).requiredBudgetS();
                            assertTrue(needS <= level.invertedS(), String.format(Locale.ROOT,
                                    "ceiling %s deg, %s s, v_return %s, a_max %s: level %d (%s deg, %s s) needs %.1f s",
                                    angle, time, vReturn, aMax, n, level.angleDeg(), level.invertedS(), needS));
                        }
                    }
                }
            }
        }
        assertTrue(ceilings > 100, "the sweep tried only " + ceilings + " accepted ceilings");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
