package org.inversiontable.safety.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** SPEC §4 stuck buttons and SPEC §6 limp home. */
class ButtonAndLimpHomeScenarioTest {
    private static final double HOME_DEG = -65;
    /** Half of v_return_deg_s = 3 (SPEC §6). */
    private static final double LIMP_SPEED_DEG_S = 1.5;

    @Test
    void aButtonHeldPastStuckButtonSecondsIsReportedAndIgnoredButIsNoMotorFault() {
        ScenarioHarness.Run run = new Scenarios().config("stuck_button_s=10")
                .at(1, "press UP")                           // at home: UP does nothing, then it is stuck
                .at(13, "press DOWN").at(20, "release DOWN")  // the other buttons still work
                .at(25, "release UP").runTo(30).run();
        TraceRow stuck = run.first(0, r -> "button_stuck".equals(r.fault()));
        assertNotNull(stuck, "no button_stuck report");
        assertEquals(11.0, stuck.tS(), 0.05, "reported at " + stuck.tS() + " s");
        for (TraceRow r : run.between(stuck.tS(), 25)) {
            assertFalse("FAULT".equals(r.state()), "a stuck button latched a fault: " + Scenarios.row(r));
            assertEquals("button_stuck", r.fault(), "report gone while still held: " + Scenarios.row(r));
        }
        assertTrue(run.at(19).enabled() && run.at(19).duty() > 0, "DOWN did not drive while UP was stuck: "
                + Scenarios.row(run.at(19)));
        assertNull(run.at(26).fault(), "still reported after the release: " + Scenarios.row(run.at(26)));
    }

    @Test
    void aStuckHoldToRunButtonIsIgnored() {
        ScenarioHarness.Run run = new Scenarios().config("stuck_button_s=10 max_angle_deg=90 max_inverted_s=900")
                .at(1, "press DOWN").at(40, "release DOWN").runTo(45).run();
        TraceRow stuck = run.first(0, r -> "button_stuck".equals(r.fault()));
        assertNotNull(stuck, "no button_stuck report");
        TraceRow stopped = run.first(stuck.tS(), r -> !r.enabled());
        assertNotNull(stopped);
        assertTrue(stopped.tS() - stuck.tS() < 3.0, "DOWN still drove " + (stopped.tS() - stuck.tS())
                + " s after it was reported stuck");
        assertTrue(run.maxTrueAngleDeg() < 0, "went on to " + run.maxTrueAngleDeg() + " deg on a stuck button");
    }

    // --- limp home ---

    /** Down to 30, a motion stall while coming up, cleared; the user presses UP again at 35 s. */
    private static Scenarios afterMotionStall(int userKg) {
        return new Scenarios().start("angle_deg=-65 user_kg=" + userKg)
                .at(1, "press DOWN").at(25, "release DOWN").at(30, "press UP").at(32, "fault motor stall")
                .at(34, "clear motor").at(34, "release UP").at(35, "press UP");
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(ints = {40, 80, 150})
    void limpHomeIsClosedLoopAtHalfTheReturnSpeedAfterAMotionFault(int userKg) {
        ScenarioHarness.Run run = afterMotionStall(userKg).runTo(120).run();
        assertEquals("motion_stall", run.at(34).fault());
        double from = run.at(36).angleTrueDeg();
        double to = run.at(56).angleTrueDeg();
        double speed = (from - to) / 20.0;
        double fastest = -java.util.Arrays.stream(run.trueSpeedsDegPerS()).skip(3600).min().orElse(0);
        assertTrue(fastest <= LIMP_SPEED_DEG_S + 0.2, "limp home ran at up to " + fastest + " deg/s");
        assertTrue(speed >= LIMP_SPEED_DEG_S * 0.7, String.format(Locale.ROOT,
                "limp home with UP held made %.2f deg/s (from %.2f to %.2f deg in 20 s), SPEC %.1f", speed, from, to,
                LIMP_SPEED_DEG_S));
        TraceRow home = run.first(36, r -> r.angleTrueDeg() <= HOME_DEG + 2);
        assertNotNull(home, "limp home never got home; at 120 s " + Scenarios.row(run.at(120)));
    }

    @ParameterizedTest(name = "{0} kg after {1}")
    @CsvSource({"40,motor stall", "80,motor stall", "150,motor stall", "40,imu stale", "80,imu stale",
            "150,imu stale", "40,home-switch stuck-open", "80,home-switch stuck-open", "150,home-switch stuck-open"})
    void limpHomeNeverRunsFasterThanHalfTheReturnSpeedOnTheTrueAngle(int userKg, String fault) {
        // Issue 13: 1.71 deg/s held against 1.5. Judged as SPEC §5 judges speeds: 1 s windows, +10 %.
        // UP is pressed again within stuck_button_s (120 s): open loop, a heavy user comes up slower.
        Scenarios scenario = fault.equals("motor stall") ? afterMotionStall(userKg)
                : new Scenarios().start("angle_deg=-65 user_kg=" + userKg)
                        .at(1, "press DOWN").at(25, "release DOWN").at(30, "fault " + fault).at(32, "press UP")
                        .at(140, "release UP").at(141, "press UP");
        ScenarioHarness.Run run = scenario.runTo(260).run();
        double peak = 0.0;
        List<TraceRow> rows = run.between(32, 260);
        for (int i = 0; i + 100 < rows.size(); i++) {
            if (rows.subList(i, i + 101).stream().allMatch(r -> "LIMP_HOME".equals(r.state()))) {
                peak = Math.max(peak, (rows.get(i).angleTrueDeg() - rows.get(i + 100).angleTrueDeg())
                        / (rows.get(i + 100).tS() - rows.get(i).tS()));
            }
        }
        assertTrue(peak > 0.3, "limp home did not move: " + Scenarios.row(run.at(40)));
        assertTrue(peak <= LIMP_SPEED_DEG_S * 1.1, String.format(Locale.ROOT,
                "limp home ran at %.3f deg/s over 1 s on the true angle; SPEC %.1f", peak, LIMP_SPEED_DEG_S));
        assertNotNull(run.first(32, r -> r.angleTrueDeg() <= HOME_DEG + 2), "limp home never got home");
    }

    @Test
    void limpHomeIsClosedLoopAfterAHomeSwitchFault() {
        ScenarioHarness.Run run = new Scenarios().at(1, "press DOWN").at(25, "release DOWN")
                .at(30, "fault home-switch stuck-open").at(32, "press UP").runTo(120).run();
        assertEquals("home_switch_disagree", run.at(31).fault());
        double from = run.at(33).angleTrueDeg();
        double to = run.at(53).angleTrueDeg();
        assertTrue((from - to) / 20.0 >= LIMP_SPEED_DEG_S * 0.7, String.format(Locale.ROOT,
                "limp home with UP held after a HOME-switch fault: %.2f to %.2f deg in 20 s", from, to));
        assertTrue(-java.util.Arrays.stream(run.trueSpeedsDegPerS()).skip(3300).min().orElse(0) <= LIMP_SPEED_DEG_S + 0.2);
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(ints = {40, 80, 150})
    void limpHomeIsOpenLoopAfterAnImuFaultAndStopsAtTheHomeSwitch(int userKg) {
        // Open loop the limp duty moves an unloaded table at the limp speed (SPEC §6), so a heavy
        // user comes up slower and presses UP again within stuck_button_s (rule changed, issue 13).
        ScenarioHarness.Run run = new Scenarios().start("angle_deg=-65 user_kg=" + userKg)
                .at(1, "press DOWN").at(25, "release DOWN").at(30, "fault imu stale").at(32, "press UP")
                .at(140, "release UP").at(141, "press UP").runTo(260).run();
        assertEquals("imu_stale", run.at(31).fault());
        TraceRow atSwitch = run.first(32, TraceRow::homeSwitch);
        assertNotNull(atSwitch, String.format(Locale.ROOT,
                "open-loop limp home (UP held 227 s) did not reach the HOME switch: from %.2f to %.2f deg",
                run.at(32).angleTrueDeg(), Scenarios.last(run).angleTrueDeg()));
        TraceRow after = run.first(atSwitch.tS() + 0.02, r -> true);
        assertFalse(after.enabled(), "drove on past the HOME switch: " + Scenarios.row(after));
        assertTrue(Scenarios.minTrueBetween(run, 32, 260) >= HOME_DEG - 1.5, "went below home");
    }

    @Test
    void limpHomeMovesOnlyWhileUpIsHeld() {
        ScenarioHarness.Run run = new Scenarios().at(1, "press DOWN").at(25, "release DOWN")
                .at(30, "fault imu stale").at(32, "press UP").at(40, "release UP").at(50, "press UP")
                .at(55, "release UP").runTo(60).run();
        assertTrue(run.at(39).enabled(), "limp home did not drive with UP held: " + Scenarios.row(run.at(39)));
        TraceRow off = run.first(40, r -> !r.enabled());
        assertTrue(off.tS() <= 40.04, "still driving " + (off.tS() - 40) + " s after UP was released");
        assertNull(run.first(off.tS(), r -> r.enabled() && r.tS() < 50), "drove without UP held");
        double atRelease = run.at(40.1).angleTrueDeg();
        assertTrue(Scenarios.maxTrueBetween(run, 30, 60) <= run.at(30).angleTrueDeg() + 0.2, "limp home went deeper");
        assertTrue(run.at(54).enabled() && run.at(54).angleTrueDeg() < atRelease,
                "a new UP press did not go on: " + Scenarios.row(run.at(54)));
    }

    @Test
    void openLoopLimpHomeStopsAfterItsTravelTimeBoundWhenTheSwitchNeverOpens() {
        ScenarioHarness.Run run = new Scenarios().config("max_angle_deg=10").start("angle_deg=-65 user_kg=40")
                .at(1, "press DOWN").at(20, "release DOWN").at(25, "fault imu stale")
                .at(25, "fault home-switch stuck-closed").at(26, "press UP").runTo(400).run();
        TraceRow off = run.first(27, r -> !r.enabled());
        assertNotNull(off, "open-loop limp home never stopped with the switch stuck closed; at the end "
                + Scenarios.row(Scenarios.last(run)));
        // Bound: travel from the last trusted angle to home at the slowest speed a loaded table may
        // make open-loop (0.5 deg/s), + 10 s: a bound that runs out half-way would strand the user.
        double boundS = (run.at(25).angleTrueDeg() - HOME_DEG) / 0.5 + 10;
        assertTrue(off.tS() - 26 <= boundS + 0.5, "ran " + (off.tS() - 26) + " s, bound " + boundS + " s");
        assertNull(run.first(off.tS(), TraceRow::enabled), "drove again after the bound ran out");
    }

    @Test
    void aReversedMotorUnderLimpHomeNeverTakesTheTableMoreThanOneDegreeDeeper() {
        ScenarioHarness.Run run = afterMotionStall(80).at(45, "fault motor reversed").runTo(70).run();
        assertTrue(run.at(45).enabled(), "limp home was not driving when the motor reversed: " + Scenarios.row(run.at(45)));
        double deeper = Scenarios.maxTrueBetween(run, 45, 70) - run.at(45).angleTrueDeg();
        assertTrue(deeper <= 1.0, "limp home with a reversed motor went " + deeper + " deg deeper");
        assertFalse(run.at(69).enabled(), "still driving a reversed motor: " + Scenarios.row(run.at(69)));
    }
}
