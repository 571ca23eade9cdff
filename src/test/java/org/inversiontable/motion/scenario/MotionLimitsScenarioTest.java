package org.inversiontable.motion.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Stream;
import org.inversiontable.sim.ScenarioHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3's "done": over whole simulated sessions, on the true angle, speed never above the limit
 * in force (down and return), acceleration within the limit, no overshoot over 0.5 deg, presets
 * reached within 0.5 deg and settled within 0.3 deg (SPEC §3, §5). Prints the worst figures.
 */
class MotionLimitsScenarioTest {
    /** Down to the limit, PRESET up to 20, HOME (rest at flat), PRESET, UP and DOWN holds, STOP, HOME. */
    private static final String MIXED_SESSION = """
            at 1 press DOWN
            at 26 release DOWN
            at 27 click PRESET
            at 35 click HOME
            at 80 click PRESET
            at 100 press UP
            at 105 release UP
            at 107 press DOWN
            at 112 release DOWN
            at 115 click STOP
            at 116 click HOME
            run 180
            """;

    static Stream<Arguments> sessions() {
        return Stream.of(
                Arguments.of("defaults", "", "start angle_deg=-65", 5.0, 3.0, 3.0),
                Arguments.of("v8 a6 j20", "config v_max_deg_s=8 a_max_deg_s2=6 j_max_deg_s3=20", "start angle_deg=-65", 8.0, 3.0, 6.0),
                Arguments.of("user 150 kg", "", "start angle_deg=-65 user_kg=150", 5.0, 3.0, 3.0),
                Arguments.of("user 40 kg", "", "start angle_deg=-65 user_kg=40", 5.0, 3.0, 3.0),
                Arguments.of("v_return 2", "config v_return_deg_s=2", "start angle_deg=-65", 5.0, 2.0, 3.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void speedAndAccelerationStayWithinTheLimitsOverAMixedSession(String label, String config, String start,
                                                                  double vMax, double vReturn, double aMax) {
        ScenarioHarness.Run run = ScenarioHarness.run(config + "\n" + start + "\n" + MIXED_SESSION);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        assertTrue(a.maxTrueAngle().value() <= 31.0, a.figures());
        assertTrue(a.enabledOutsideMoves().isEmpty(), "enabled at rest: " + a.enabledOutsideMoves());
        a.assertWithinLimits("mixed session, " + label, vMax, vReturn, aMax);
    }

    static Stream<Arguments> presetMoves() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (int seed = 1; seed <= 5; seed++) {
            for (double noise : new double[] {0.0, 0.3, 0.6}) {
                out.add(Arguments.of(seed, noise, -65.0));
                out.add(Arguments.of(seed, noise, 30.0));
            }
        }
        return out.build();
    }

    /** The simulated sensor's mounting error (deg), stated so the measured target below follows it. */
    private static final double SENSOR_BIAS_DEG = 0.2;
    private static final double PRESET_DEG = 20.0;

    /**
     * SPEC §5 closes the loop on the measured angle, so a move settles where the sensor reads the
     * target: on the true angle, at the target minus the sensor's bias. No controller can see
     * that bias (it is the 1 deg of SPEC §3, which the angle limit and the rest margin cover),
     * so overshoot and settling are judged against the measured target, the true angle at which
     * the sensor reads the preset; otherwise a 0.2 deg mounting error would use up most of the
     * 0.3 deg that SPEC §5 gives the controller.
     */
    @ParameterizedTest(name = "seed {0}, noise {1} deg, from {2} deg")
    @MethodSource("presetMoves")
    void presetMovesOvershootAtMostHalfADegreeAndSettleWithinAThird(long seed, double noiseDeg, double fromDeg) {
        // From above: down to the 30 deg limit first, as a boot inverted with no journal allows only
        // UP and HOME (SPEC §7).
        boolean fromAbove = fromDeg > 0;
        double t0 = fromAbove ? 25 : 0;
        String start = fromAbove ? String.format(Locale.ROOT, "start angle_deg=-65 seed=%d imu_noise_deg=%s "
                + "imu_bias_deg=%s%nat 1 press DOWN%nat 25 release DOWN%n", seed, noiseDeg, SENSOR_BIAS_DEG)
                : String.format(Locale.ROOT, "start angle_deg=%s seed=%d imu_noise_deg=%s imu_bias_deg=%s%n",
                        fromDeg, seed, noiseDeg, SENSOR_BIAS_DEG);
        ScenarioHarness.Run run = ScenarioHarness.run(start + String.format(Locale.ROOT,
                "at %s click PRESET%nrun %s%n", t0 + 1, t0 + 35));
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        double measuredTargetDeg = PRESET_DEG - SENSOR_BIAS_DEG;
        double overshoot = a.overshootDeg(measuredTargetDeg, t0 + 1);
        double settle = a.settleErrorDeg(measuredTargetDeg, t0 + 28, t0 + 35);
        String figures = String.format(Locale.ROOT, "seed %d noise %.1f from %.0f: overshoot %.3f deg, settle error "
                + "%.3f deg from the measured target, end state %s", seed, noiseDeg, fromDeg, overshoot, settle,
                run.at(t0 + 35).state());
        System.out.println(figures);
        assertTrue(overshoot <= 0.5, figures);
        assertTrue(settle <= 0.3, figures);
        assertTrue("HOLDING".equals(run.at(t0 + 35).state()), figures);
    }

    @Test
    void aFifteenMinuteSessionCompletes() {
        StringBuilder text = new StringBuilder("config max_inverted_s=900\nstart angle_deg=-65\n");
        for (int cycle = 0; cycle < 8; cycle++) {
            double t0 = 1 + cycle * 110;
            text.append(String.format(Locale.ROOT, "at %.1f click PRESET%nat %.1f press UP%nat %.1f release UP%n"
                    + "at %.1f press DOWN%nat %.1f release DOWN%nat %.1f click HOME%n",
                    t0, t0 + 30, t0 + 35, t0 + 40, t0 + 45, t0 + 55));
        }
        text.append("run 900\n");
        long began = System.nanoTime();
        ScenarioHarness.Run run = ScenarioHarness.run(text.toString());
        double tookS = (System.nanoTime() - began) / 1e9;
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        System.out.printf(Locale.ROOT, "15-minute session: %d rows in %.2f s of run time; %s%n",
                run.rows().size(), tookS, a.figures());
        assertTrue(run.rows().size() == 90_001, "one row per tick for 900 s: " + run.rows().size());
        assertTrue(a.maxTrueAngle().value() <= 31.0, a.figures());
    }
}
