package org.inversiontable.motion.scenario;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Stream;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, points 4, 5 and 6, each as SPEC §3 and §5 word it, on the true angle of the simulated
 * table with the sensor's noise and bias. Prints the figures the issue quotes.
 */
class TrueMotionRulesScenarioTest {

    static Stream<Arguments> slowUsers() {
        return Stream.of(Arguments.of(80.0), Arguments.of(150.0));
    }

    /** Point 4: v_max_deg_s=0.5 was exceeded by 26-68 % (0.63 deg/s at 80 kg, 0.84 at 150 kg). */
    @ParameterizedTest(name = "{0} kg")
    @MethodSource("slowUsers")
    void trueSpeedStaysWithinTenPercentOfTheSlowestSpeedLimitGoingDownAndComingUp(double userKg) {
        String text = String.format(Locale.ROOT, """
                config v_max_deg_s=0.5 v_return_deg_s=0.5 max_inverted_s=900 stuck_button_s=600
                start angle_deg=-65 user_kg=%s imu_noise_deg=0.3 imu_bias_deg=0.2
                at 1 press DOWN
                at 200 release DOWN
                at 205 press UP
                at 300 release UP
                run 310
                """, userKg);
        // From home (a boot away from home without a journal would count the budget as spent,
        // SPEC §7, and keep the table below horizontal): down to the angle limit and back up.
        ScenarioHarness.Run run = ScenarioHarness.run(text);
        assertTrue(run.maxTrueAngleDeg() >= 25.0, "it did go inverted: max " + run.maxTrueAngleDeg());
        SpecWindows w = SpecWindows.of(run.rows());
        String figures = String.format(Locale.ROOT, "v_max 0.5, %.0f kg: %s", userKg, w.figures());
        System.out.println(figures);
        assertTrue(w.maxSpeedTowardInversion().value() <= SpecWindows.SPEED_MARGIN * 0.5, figures);
        assertTrue(w.maxSpeedTowardUpright().value() <= SpecWindows.SPEED_MARGIN * 0.5, figures);
        assertTrue(w.maxSpeedTowardInversion().value() >= 0.4, "it did move down: " + figures);
    }

    static Stream<Arguments> heavyMoves() {
        return Stream.of(
                Arguments.of("a_max 3", "", 3.0),
                Arguments.of("a_max 6", "config v_max_deg_s=8 a_max_deg_s2=6 j_max_deg_s3=20", 6.0));
    }

    /** Point 5: 5.9 deg/s^2 against 3, and 9.3 against 6, as the table dropped to a stop in 0.08 s. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("heavyMoves")
    void noJoltAtTheEndOfAMoveForAHeavyUser(String label, String config, double aMaxDegPerS2) {
        String text = config + """

                config max_inverted_s=900
                start angle_deg=-65 user_kg=150 imu_noise_deg=0.3 imu_bias_deg=0.2
                at 1 click PRESET
                at 25 press DOWN
                at 27 release DOWN
                at 32 press UP
                at 34 release UP
                at 40 click HOME
                run 120
                """;
        SpecWindows w = SpecWindows.of(ScenarioHarness.run(text).rows());
        String figures = String.format(Locale.ROOT, "150 kg, %s: %s", label, w.figures());
        System.out.println(figures);
        assertTrue(w.maxAbsAcceleration().value() <= SpecWindows.ACCELERATION_MARGIN * aMaxDegPerS2, figures);
    }

    static Stream<Arguments> restsWithBias() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (String flatRest : new String[] {"", "flat_rest_deg=-2.5", "flat_rest_deg=-5"}) {
            for (double biasDeg : new double[] {-1.0, -0.3, 0.0, 0.3, 1.0}) {
                for (double userKg : new double[] {40.0, 150.0}) {
                    out.add(Arguments.of(flatRest, biasDeg, userKg));
                }
            }
        }
        return out.build();
    }

    /**
     * Point 6 (SPEC §3): flat_rest_deg=0 with a -0.3 deg bias rested at +0.32 deg true, and the
     * default -1 at up to +0.03 deg with a -1 deg bias. Now flat_rest_deg is at most -1 (the
     * sensor's 1 deg), and the rest is aimed the 0.3 deg settle tolerance below it.
     */
    @ParameterizedTest(name = "[{0}] bias {1} deg, {2} kg")
    @MethodSource("restsWithBias")
    void restOnTheWayUpStaysBelowHorizontalOnTheTrueAngle(String flatRest, double biasDeg, double userKg) {
        String text = String.format(Locale.ROOT, """
                config max_inverted_s=900 %s
                start angle_deg=-65 user_kg=%s imu_noise_deg=0.3 imu_bias_deg=%s
                at 1 click PRESET
                at 30 click HOME
                run 80
                """, flatRest, userKg, biasDeg);
        ScenarioHarness.Run run = ScenarioHarness.run(text);
        TraceRow rest = run.firstEvent("flat_rest");
        assertNotNull(rest, "the return paused at flat");
        double highestDeg = run.between(rest.tS(), rest.tS() + 10.0).stream()
                .mapToDouble(TraceRow::angleTrueDeg).max().orElseThrow();
        String figures = String.format(Locale.ROOT, "[%s] bias %+.1f deg, %.0f kg: rest at %.3f deg true (highest)",
                flatRest, biasDeg, userKg, highestDeg);
        System.out.println(figures);
        assertTrue(highestDeg <= 0.0, figures);
    }
}
