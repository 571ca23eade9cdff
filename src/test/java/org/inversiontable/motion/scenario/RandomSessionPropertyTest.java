package org.inversiontable.motion.scenario;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: whatever the user presses, in whatever order, for 300 s: the true angle never goes
 * past max_angle + 1 deg (SPEC §3), speed and acceleration stay within the limits (§3, §5, with
 * the plant's tolerances of {@link TraceAnalysis}), and nothing moves before the first press (§4).
 */
class RandomSessionPropertyTest {
    private static final double MAX_ANGLE_DEG = 30.0;
    private static final double RUN_S = 300.0;

    /** A random scenario: holds of DOWN and UP, clicks of HOME, PRESET and STOP, a PRESET long hold now and then. */
    static String randomSession(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "start angle_deg=-65 seed=%d%n", seed));
        double t = 1 + random.nextDouble() * 3;
        while (t < RUN_S - 5) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                String button = kind < 3 ? "DOWN" : "UP";
                double held = Math.min(0.3 + random.nextDouble() * (kind < 3 ? 25 : 35), RUN_S - 1 - t);
                text.append(String.format(Locale.ROOT, "at %.2f press %s%nat %.2f release %s%n", t, button, t + held, button));
                t += held;
            } else if (kind == 9 && random.nextBoolean()) {
                text.append(String.format(Locale.ROOT, "at %.2f press PRESET%nat %.2f release PRESET%n", t, t + 3.5));
                t += 3.5;
            } else {
                String button = new String[] {"HOME", "PRESET", "STOP", "HOME", "PRESET"}[kind - 5];
                text.append(String.format(Locale.ROOT, "at %.2f click %s%n", t, button));
            }
            t += 0.2 + random.nextDouble() * random.nextDouble() * 30;
        }
        return text.append(String.format(Locale.ROOT, "run %.0f%n", RUN_S)).toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomButtonSessionsStayInsideTheEnvelope(long seed) {
        String text = randomSession(seed);
        ScenarioHarness.Run run = ScenarioHarness.run(text);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        double firstPressS = Double.parseDouble(text.lines().filter(l -> l.startsWith("at ")).findFirst()
                .orElseThrow().split(" ")[1]);
        TraceRow firstEnabled = a.firstEnabled();
        String label = "random session " + seed + " (" + text.lines().count() + " lines, " + a.enabledIntervals().size()
                + " drives, events " + run.rows().stream().map(TraceRow::event).filter(e -> e != null).distinct().toList() + ")";
        assertNotNull(firstEnabled, label + ": never moved");
        assertTrue(firstEnabled.tS() > firstPressS, label + ": enabled at " + firstEnabled.tS()
                + " s before the first press at " + firstPressS + " s");
        assertTrue(a.maxTrueAngle().value() <= MAX_ANGLE_DEG + 1.0, label + ": " + a.figures());
        assertTrue(a.enabledOutsideMoves().isEmpty(), label + ": enabled at rest " + a.enabledOutsideMoves().stream().limit(3).toList());
        a.assertWithinLimits(label, 5, 3, 3);
    }
}
