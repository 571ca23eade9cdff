package org.inversiontable.motion.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.inversiontable.motion.JerkLimitedProfile;
import org.inversiontable.motion.MotionLimits;
import org.inversiontable.motion.ProfileState;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4 UP/DOWN hold-to-run and STOP, §5 controlled stops, through the simulated table with
 * the default load (80 kg), actuator lag, IMU bias and 0.3 deg noise; measured on the true angle.
 */
class HoldToRunScenarioTest {
    private static final MotionLimits DEFAULT_DOWN = new MotionLimits(5, 3, 6);
    /** Distance (deg) a controlled stop from full speed covers on the profile, plus the plant's lag at that speed. */
    private static final double DOWN_STOP_DEG = JerkLimitedProfile.stoppingDistanceDeg(new ProfileState(0, 5, 0), DEFAULT_DOWN);
    private static final double LAG_DEG = 5 * 0.12 + 0.3;

    @Test
    void holdingDownStopsByItselfAtTheAngleLimitWhileStillHeld() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                run 45
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        TraceRow end = run.at(45);
        TraceRow lastEnabled = a.lastEnabled();
        String figures = a.figures() + "; end " + end;
        assertTrue(a.maxTrueAngle().value() <= 31.0, "never above 31 while held: " + figures);
        assertTrue(end.angleTrueDeg() >= 29.0 && end.angleTrueDeg() <= 31.0, "rests at the 30 deg limit: " + figures);
        assertEquals("HOLDING", end.state(), figures);
        assertNotNull(lastEnabled);
        assertTrue(lastEnabled.tS() < 40, "the drive rests at the limit although DOWN is still held: last enabled "
                + lastEnabled.tS());
        // Planned, not cut: 1 s before it stands still the table is already well below full speed.
        double speedBeforeStop = a.speedAt(lastEnabled.tS() - 1.0);
        assertTrue(speedBeforeStop <= 3.0, String.format(Locale.ROOT,
                "speed 1 s before the stop at the limit %.2f deg/s (a planned S-curve stop: ~2.25; a cut: 5)",
                speedBeforeStop));
        a.assertWithinLimits("hold DOWN to the limit", 5, 3, 3);
    }

    @Test
    void releasingDownMidWayRampsToAStop() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                at 10 release DOWN
                run 20
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        double atRelease = run.at(10).angleTrueDeg();
        double travelled = run.at(20).angleTrueDeg() - atRelease;
        TraceRow lastEnabled = a.lastEnabled();
        String figures = String.format(Locale.ROOT, "travelled %.2f deg after the release (profile stop %.2f); "
                + "stopped driving at %.2f s; %s", travelled, DOWN_STOP_DEG, lastEnabled.tS(), a.figures());
        System.out.println("release DOWN: " + figures);
        assertTrue(travelled >= DOWN_STOP_DEG - LAG_DEG && travelled <= DOWN_STOP_DEG + LAG_DEG,
                "a ramped stop covers about the profile's stopping distance: " + figures);
        assertTrue(lastEnabled.tS() <= 10 + 3.5, figures);
        assertEquals("HOLDING", run.at(20).state());
        a.between(10, 20).assertWithinLimits("release DOWN mid-way", 5, 3, 3);
    }

    @Test
    void holdingUpRunsTowardHomeAtNoMoreThanTheReturnSpeedAndStopsOnTheHomeSwitch() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=30
                at 1 press UP
                run 60
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        // Booted inverted with no journal, the budget counts as spent (SPEC §7): UP starts the
        // automatic return, with its rest below horizontal and the creep onto the HOME switch.
        TraceRow end = run.at(60);
        assertTrue(a.maxSpeedTowardUpright().value() <= 3 + TraceAnalysis.SPEED_TOLERANCE_DEG_S,
                "v_return 3: " + a.figures());
        assertTrue(a.maxSpeedTowardUpright().value() >= 2.5, "runs near v_return, not crawling: " + a.figures());
        assertTrue(end.homeSwitch() && "IDLE".equals(end.state()), "ends at home on the switch: " + end);
        a.assertWithinLimits("hold UP from 30", 5, 3, 3);
    }

    @Test
    void holdingUpHonoursAConfiguredReturnSpeedOfTwo() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                config v_return_deg_s=2
                start angle_deg=20
                at 1 press UP
                at 20 release UP
                at 22 click HOME
                run 80
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        assertTrue(a.maxSpeedTowardUpright().value() >= 1.7, a.figures());
        a.assertWithinLimits("v_return 2 (UP hold, then HOME)", 5, 2, 3);
        assertTrue(run.at(80).homeSwitch(), run.at(80).toString());
    }

    @Test
    void stopClickDuringHoldToRunIsAControlledStopAndTheHeldButtonDoesNotRestart() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                at 10 click STOP
                at 16 release DOWN
                run 25
                """);
        TraceAnalysis a = TraceAnalysis.of(run.rows());
        double travelled = run.at(25).angleTrueDeg() - run.at(10).angleTrueDeg();
        TraceRow lastEnabled = a.lastEnabled();
        String figures = String.format(Locale.ROOT, "travelled %.2f deg after STOP (profile stop %.2f), last enabled "
                + "%.2f s; %s", travelled, DOWN_STOP_DEG, lastEnabled.tS(), a.figures());
        assertTrue(travelled >= DOWN_STOP_DEG - LAG_DEG && travelled <= DOWN_STOP_DEG + LAG_DEG, figures);
        assertTrue(lastEnabled.tS() <= 13.5, "no drive after the stop while DOWN is still held: " + figures);
        assertNull(a.first(13.5, TraceRow::enabled), "nor after DOWN is released");
        assertEquals("HOLDING", run.at(25).state());
        a.between(10, 25).assertWithinLimits("STOP during hold DOWN", 5, 3, 3);
    }
}
