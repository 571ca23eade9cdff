package org.inversiontable.motion.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §3 (return speed, rest at horizontal), §4 HOME/PRESET/STOP clicks and the PRESET long
 * hold, §5 (controlled stop, H-bridge enabled only while moving), on the simulated table with the
 * default load, lag, IMU bias and 0.3 deg noise; measured on the true angle.
 */
class HomeAndPresetScenarioTest {

    /** The longest run of rows after {@code fromS} in MOVING with the drive off: the rest at horizontal. */
    private static List<TraceRow> restAtFlat(ScenarioHarness.Run run, double fromS) {
        List<TraceRow> best = List.of();
        int start = -1;
        List<TraceRow> rows = run.rows();
        for (int i = 0; i <= rows.size(); i++) {
            boolean resting = i < rows.size() && rows.get(i).tS() >= fromS && "MOVING".equals(rows.get(i).state())
                    && !rows.get(i).enabled();
            if (resting && start < 0) {
                start = i;
            } else if (!resting && start >= 0) {
                if (i - start > best.size()) {
                    best = rows.subList(start, i);
                }
                start = -1;
            }
        }
        return best;
    }

    @Test
    void homeClickFromInversionRestsJustBelowHorizontalThenEndsOnTheHomeSwitch() {
        // Down to 30 first: a boot inverted with no journal would make HOME the automatic return (SPEC §7).
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                at 25 release DOWN
                at 26 click HOME
                run 100
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        List<TraceRow> rest = restAtFlat(run, 1.2);
        assertTrue(!rest.isEmpty(), "no rest at horizontal: " + a.stateIntervals());
        TraceRow first = rest.get(0);
        TraceRow last = rest.get(rest.size() - 1);
        double durationS = last.tS() - first.tS() + 0.01;
        double highest = rest.stream().mapToDouble(TraceRow::angleTrueDeg).max().orElseThrow();
        double lowest = rest.stream().mapToDouble(TraceRow::angleTrueDeg).min().orElseThrow();
        String figures = String.format(Locale.ROOT, "rest %.2f..%.2f s (%.2f s) at true %.3f..%.3f deg, inverted_s %.2f -> %.2f",
                first.tS(), last.tS(), durationS, lowest, highest, first.invertedS(), last.invertedS());
        System.out.println("HOME from 30: " + figures);
        assertTrue(durationS >= 10.0 - 0.02 && durationS <= 10.5, "rest_at_flat_s 10: " + figures);
        assertTrue(lowest >= -2.0 && highest <= -1.0, "aimed 0.3 below flat_rest_deg -1, with the 0.2 deg sensor bias: " + figures);
        assertTrue(highest <= 0.0, "never above 0 during the rest: " + figures);
        assertEquals(first.invertedS(), last.invertedS(), 1e-9, "no inverted time during the rest: " + figures);
        TraceRow end = run.at(100);
        assertTrue(end.homeSwitch() && "IDLE".equals(end.state()), "ends IDLE on the HOME switch: " + end);
        a.assertWithinLimits("HOME from 30", 5, 3, 3);
    }

    @ParameterizedTest(name = "from {0} deg")
    @ValueSource(doubles = {-30, -5})
    void homeClickFromHeadUpGoesStraightHomeWithoutARest(double startDeg) {
        ScenarioHarness.Run run = ScenarioHarness.run("start angle_deg=" + startDeg + "\nat 1 click HOME\nrun 45\n");
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        List<TraceAnalysis.StateInterval> drives = a.enabledIntervals();
        TraceRow end = run.at(45);
        String figures = "enabled " + drives + ", states " + a.stateIntervals() + "; " + a.figures();
        assertTrue(a.maxTrueAngle().value() <= startDeg + 0.3, "never rises toward horizontal: " + figures);
        List<TraceRow> rest = restAtFlat(run, 1.5).stream().filter(r -> r.tS() > drives.get(0).toS()).toList();
        assertTrue(rest.size() < 50, "no pause on the way (MOVING with the drive off for " + rest.size() + " ticks): " + figures);
        assertTrue(end.homeSwitch() && "IDLE".equals(end.state()), "ends IDLE on the HOME switch: " + end);
        a.assertWithinLimits("HOME from " + startDeg, 5, 3, 3);
    }

    @Test
    void presetClickFromHomeReachesTwentyWithoutOvershoot() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 click PRESET
                run 30
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        double overshoot = a.overshootDeg(20, 1);
        double settle = a.settleErrorDeg(20, 24, 30);
        String figures = String.format(Locale.ROOT, "overshoot %.3f deg, settle error %.3f deg, end %s; %s",
                overshoot, settle, run.at(30).state(), a.figures());
        System.out.println("PRESET from home:\n" + a.table(0.5, 22, 0.5) + figures);
        assertTrue(Math.abs(run.at(30).angleTrueDeg() - 20) <= 0.5, figures);
        assertTrue(overshoot <= 0.5, figures);
        assertTrue(settle <= 0.3, figures);
        assertEquals("HOLDING", run.at(30).state(), figures);
        a.assertWithinLimits("PRESET from home", 5, 3, 3);
    }

    @Test
    void presetIsClampedToTheAngleLimit() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                config max_angle_deg=15 preset_deg=40
                start angle_deg=-65
                at 1 click PRESET
                run 30
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        String figures = "end " + run.at(30) + "; " + a.figures();
        assertTrue(Math.abs(run.at(30).angleTrueDeg() - 15) <= 0.5, "goes to max_angle 15: " + figures);
        assertTrue(a.maxTrueAngle().value() <= 15.5, figures);
        assertEquals("HOLDING", run.at(30).state(), figures);
    }

    @Test
    void presetHeldThreeSecondsAtRestStoresTheAngleWithoutMovingAndAClickReturnsToIt() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                at 16 release DOWN
                at 20 press PRESET
                at 24 release PRESET
                at 30 click HOME
                at 80 click PRESET
                run 110
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        double storedTrueDeg = run.at(20).angleTrueDeg();
        TraceRow stored = run.firstEvent("preset_stored");
        assertNotNull(stored, "no preset_stored event");
        assertTrue(stored.tS() >= 22.95 && stored.tS() <= 23.2, "stored after 3 s held: " + stored);
        assertNull(a.first(19.5, r -> r.enabled() && r.tS() < 30.0), "no move on the long hold or its release");
        assertTrue(run.at(79).homeSwitch(), "home before the PRESET click: " + run.at(79));
        double end = run.at(110).angleTrueDeg();
        String figures = String.format(Locale.ROOT, "stored at true %.3f deg (t=%.2f), reached %.3f deg; %s",
                storedTrueDeg, stored.tS(), end, a.figures());
        System.out.println("PRESET store and recall: " + figures);
        assertTrue(storedTrueDeg > 5, "the test stores an inverted angle: " + figures);
        assertTrue(Math.abs(end - storedTrueDeg) <= 0.5, "PRESET click returns to the stored angle: " + figures);
        assertTrue(a.overshootDeg(storedTrueDeg, 80) <= 0.5, figures);
    }

    @ParameterizedTest(name = "{1} during a {0} move")
    @CsvSource({
            "PRESET, DOWN", "PRESET, UP", "PRESET, HOME", "PRESET, PRESET", "PRESET, STOP",
            "HOME, DOWN", "HOME, UP", "HOME, HOME", "HOME, PRESET", "HOME, STOP"})
    void anyButtonDuringARampedMoveIsAControlledStopAndStartsNothing(String move, String button) {
        boolean preset = move.equals("PRESET");
        // HOME from 30: down to 30 first, as a boot inverted with no journal allows only UP/HOME (SPEC §7).
        double offsetS = preset ? 0 : 25;
        double pressS = (preset ? 10 : 6) + offsetS;
        double endS = 30 + offsetS;
        String start = preset ? "start angle_deg=-65" : "start angle_deg=-65\nat 1 press DOWN\nat 25 release DOWN";
        ScenarioHarness.Run run = ScenarioHarness.run(start + "\nat " + (1 + offsetS) + " click " + move + "\nat "
                + pressS + " click " + button + "\nrun " + endS + "\n");
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        double speedAtPress = a.speedAt(pressS);
        double travelled = Math.abs(run.at(endS).angleTrueDeg() - run.at(pressS).angleTrueDeg());
        TraceRow lastEnabled = a.lastEnabled();
        String figures = String.format(Locale.ROOT, "speed at press %.2f deg/s, travelled %.2f deg after it, last "
                + "enabled %.2f s, end %s; %s", speedAtPress, travelled, lastEnabled.tS(), run.at(endS), a.figures());
        assertTrue(Math.abs(speedAtPress) > 2.5, "the move was under way: " + figures);
        // From 5 deg/s the profile stops in 2.17 s over 5.4 deg; from 3 deg/s in 1.5 s over 2.25 deg.
        assertTrue(lastEnabled.tS() <= pressS + 3.0, "stops promptly: " + figures);
        assertTrue(travelled <= (preset ? 5.4 : 2.25) + 1.0, figures);
        assertTrue(travelled >= (preset ? 5.4 : 2.25) - 1.0, "ramped, not cut: " + figures);
        assertEquals("HOLDING", run.at(endS).state(), figures);
        a.between(pressS, endS).assertWithinLimits(button + " during " + move, 5, 3, 3);
    }

    @Test
    void theHBridgeIsEnabledOnlyWhileAMoveIsInProgress() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                at 12 release DOWN
                at 20 click PRESET
                at 30 click HOME
                at 40 press UP
                at 45 release UP
                at 50 click HOME
                at 100 click PRESET
                at 105 click STOP
                at 110 click STOP
                run 130
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        List<TraceRow> wrong = a.enabledOutsideMoves();
        assertTrue(wrong.isEmpty(), wrong.size() + " rows enabled at rest, first " + (wrong.isEmpty() ? "" : wrong.get(0))
                + "; states " + a.stateIntervals());
        assertTrue(a.enabledIntervals().size() >= 5, "the session did move: " + a.enabledIntervals());
        for (TraceAnalysis.StateInterval rest : a.stateIntervals()) {
            if (rest.state().equals("IDLE") || rest.state().equals("HOLDING")) {
                double moved = Math.abs(run.at(rest.toS()).angleTrueDeg() - run.at(rest.fromS() + 0.1).angleTrueDeg());
                assertTrue(moved < 0.05, "the table stands still at rest (" + rest + " moved " + moved + " deg)");
            }
        }
    }
}
