package org.inversiontable.safety.scenario;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.config.ConfiguredMotion;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §3: the automatic return falls due early enough for the table as it moves, so that the
 * <b>true</b> angle is back at &lt;= 0 by the inverted-time limit, for the heaviest user at the
 * slowest return from the deepest angle, with the sensor's bias and noise. Each case runs at the
 * smallest max_inverted_s the configuration check accepts for it: the tightest legal budget.
 */
class InvertedTimeOnTheTrueAngleScenarioTest {

    @ParameterizedTest(name = "{0} kg, v_return_deg_s={1} (v_max {2}), max_angle_deg={3}, bias {4} noise {5}")
    @CsvSource({
            "150,0.5,5,90,-0.5,0.6", "80,0.5,5,90,-0.5,0.6", "40,0.5,5,90,-0.5,0.6",
            "150,0.5,5,10,-0.5,0.6", "80,0.5,5,10,-0.5,0.6", "40,0.5,5,10,-0.5,0.6",
            "150,8,8,90,-0.5,0.6", "80,8,8,90,-0.5,0.6", "40,8,8,90,-0.5,0.6",
            "150,8,8,10,-0.5,0.6", "80,8,8,10,-0.5,0.6", "40,8,8,10,-0.5,0.6",
            "150,0.5,5,90,0.5,0.3", "150,0.5,5,30,0.2,0.3", "150,0.5,0.5,20,-0.5,0.3"})
    void autoReturnReachesFlatByTheLimitOnTheTrueAngleForTheSlowestReturnAndHeaviestUser(
            int userKg, double vReturnDegS, double vMaxDegS, int maxAngleDeg, double biasDeg, double noiseDeg) {
        String keys = String.format(Locale.ROOT, "max_angle_deg=%d v_max_deg_s=%s v_return_deg_s=%s",
                maxAngleDeg, vMaxDegS, vReturnDegS);
        long budgetS = tightestBudgetS(keys);
        ScenarioHarness.Run run = new Scenarios()
                .config(keys + " max_inverted_s=" + budgetS + " stuck_button_s=600")
                .start("angle_deg=-65 user_kg=" + userKg + " imu_bias_deg=" + biasDeg + " imu_noise_deg=" + noiseDeg)
                .at(1, "press DOWN").runTo(1 + 65.0 / Math.min(vMaxDegS, 5) + budgetS + 60).run();
        TraceRow started = run.firstEvent("auto_return");
        assertNotNull(started, "no automatic return within max_inverted_s=" + budgetS);
        double trueInvertedS = run.trueInvertedS();
        assertTrue(trueInvertedS <= budgetS, String.format(Locale.ROOT,
                "the true angle was above 0 for %.2f s with max_inverted_s=%d; the return fell due at %.2f s "
                        + "inverted, at %.2f deg (true)", trueInvertedS, budgetS, started.invertedS(),
                started.angleTrueDeg()));
        assertTrue(run.maxInvertedS() <= budgetS, "the controller counted " + run.maxInvertedS() + " s");
    }

    /** The smallest max_inverted_s the configuration check accepts with these keys. */
    private static long tightestBudgetS(String keys) {
        Config config = Config.defaults();
        for (String pair : keys.split(" ")) {
            String[] kv = pair.split("=");
            config = config.with(ConfigKey.byKey(kv[0]).orElseThrow(), kv[1]);
        }
        return (long) Math.ceil(ConfiguredMotion.returnDuration(config).requiredBudgetS());
    }
}
