package org.inversiontable.safety.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.Button;
import org.inversiontable.scenario.ButtonAction;
import org.inversiontable.scenario.EstopAction;
import org.inversiontable.scenario.StartState;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.scenario.SimulatedSession;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §4: the e-stop (category 0, latched, acts on its event), the reset rule, no unexpected start-up. */
class EstopAndResetScenarioTest {
    private static final long MS = 1_000_000L;

    @Test
    void theEstopDisablesTheMotorOnItsEventBeforeTheNextTick() {
        SimulatedSession session = new SimulatedSession(Config.defaults(), StartState.defaults());
        try {
            List<TraceRow> rows = new ArrayList<>();
            session.runUntil(1_000 * MS, rows::add);
            session.apply(new ButtonAction(Button.DOWN, true));
            // Half-way between two ticks, with the table moving down.
            session.runUntil(10_005 * MS, rows::add);
            assertTrue(session.loop().gate().output().enabled(), "not moving before the e-stop");
            int ticks = rows.size();
            session.apply(new EstopAction(true));
            assertEquals(ticks, rows.size(), "a tick ran inside apply()");
            assertFalse(session.loop().gate().output().enabled(),
                    "H-bridge still enabled right after the e-stop opened, before any tick: "
                            + session.loop().gate().output());
            session.runUntil(10_010 * MS, rows::add);
            TraceRow next = rows.get(rows.size() - 1);
            assertTrue(!next.enabled() && next.estop() && "ESTOP".equals(next.state()), Scenarios.row(next));
            assertEquals("estop", next.event(), Scenarios.row(next));
        } finally {
            session.close();
        }
    }

    @Test
    void theEstopStaysLatchedUntilReleasedAndStopHeldTwoSeconds() {
        ScenarioHarness.Run run = new Scenarios().at(1, "press DOWN").at(10, "estop press")
                .at(12, "release DOWN").at(15, "estop release")
                .at(16, "press STOP").at(17.5, "release STOP")    // 1.5 s: not a reset
                .at(19, "press STOP").at(22, "release STOP")       // 2 s: the reset
                .runTo(25).run();
        for (TraceRow r : run.between(10.01, 20.99)) {
            assertEquals("ESTOP", r.state(), "left ESTOP before STOP was held 2 s: " + Scenarios.row(r));
            assertFalse(r.enabled(), Scenarios.row(r));
        }
        TraceRow reset = run.firstEvent("reset");
        assertNotNull(reset, "no reset after STOP held 2 s");
        // 2 s from the debounced press (20 ms) to the tick after: 21.02 .. 21.04 s.
        assertEquals(21.0, reset.tS(), 0.05, "reset at " + reset.tS());
        assertFalse("ESTOP".equals(run.at(22).state()), Scenarios.row(run.at(22)));
    }

    @Test
    void aResetIsRefusedWhileTheEstopIsStillOpen() {
        ScenarioHarness.Run run = new Scenarios().at(1, "press DOWN").at(10, "estop press").at(10.5, "release DOWN")
                .at(12, "press STOP").at(16, "release STOP").runTo(20).run();
        assertNull(run.firstEvent("reset"), "reset with the e-stop open");
        assertEquals("ESTOP", Scenarios.last(run).state());
    }

    @Test
    void stopHeldBeforeTheEstopDoesNotResetIt() {
        ScenarioHarness.Run run = new Scenarios().at(1, "press DOWN").at(8, "release DOWN")
                .at(9, "press STOP").at(10, "estop press").at(11, "estop release").at(16, "release STOP")
                .runTo(20).run();
        assertNull(run.firstEvent("reset"), "STOP held since before the e-stop reset it");
        assertEquals("ESTOP", Scenarios.last(run).state());
    }

    @Test
    void stopHeldBeforeAFaultDoesNotResetIt() {
        ScenarioHarness.Run run = new Scenarios().at(1, "press DOWN").at(25, "release DOWN")
                .at(29, "press STOP").at(30, "fault home-switch stuck-open").at(31, "clear home-switch")
                .at(36, "release STOP").runTo(40).run();
        assertNotNull(run.first(30, r -> "home_switch_disagree".equals(r.fault())), "no fault");
        assertNull(run.firstEvent("reset"), "STOP held since before the fault reset it");
        assertEquals("FAULT", Scenarios.last(run).state());
    }

    @ParameterizedTest(name = "{0} held through the reset")
    @ValueSource(strings = {"DOWN", "UP", "PRESET", "HOME"})
    void aResetNeverMovesTheTableNotEvenWithAButtonHeldThroughIt(String button) {
        ScenarioHarness.Run run = new Scenarios().at(1, "press DOWN").at(10, "estop press").at(10.5, "release DOWN")
                .at(11, "press " + button)
                .at(12, "estop release").at(13, "press STOP").at(16, "release STOP")
                .at(25, "release " + button).runTo(30).run();
        TraceRow reset = run.firstEvent("reset");
        assertNotNull(reset, "no reset");
        TraceRow moved = run.first(10.005, TraceRow::enabled);
        assertNull(moved, "the table moved after the reset without a new press: "
                + (moved == null ? "" : Scenarios.row(moved)));
    }

    @Test
    void aResetOfAFaultNeverMovesTheTable() {
        ScenarioHarness.Run run = new Scenarios().at(1, "press DOWN").at(25, "release DOWN")
                .at(30, "fault home-switch stuck-open").at(31, "clear home-switch")
                .at(32, "press UP").at(33, "press STOP").at(36, "release STOP").at(45, "release UP")
                .runTo(50).run();
        assertNotNull(run.first(30, r -> "home_switch_disagree".equals(r.fault())), "no fault");
        TraceRow reset = run.firstEvent("reset");
        assertNotNull(reset, "no reset of the fault");
        TraceRow moved = run.first(reset.tS(), TraceRow::enabled);
        assertNull(moved, "the table moved after the reset without a new press: "
                + (moved == null ? "" : Scenarios.row(moved)));
    }

    @ParameterizedTest(name = "{0} held at boot")
    @ValueSource(strings = {"DOWN", "UP", "PRESET", "HOME"})
    void noMotionWithoutAPressAfterBoot(String name) {
        // Held before the controller's first tick: the scenario grammar cannot say it, the session can.
        Button button = Button.valueOf(name);
        SimulatedSession session = new SimulatedSession(Config.defaults(),
                new StartState(-30, 80, 1, 0.3, 0.2));   // below horizontal: a boot inverted allows only UP/HOME
        try {
            List<TraceRow> rows = new ArrayList<>();
            session.apply(new ButtonAction(button, true));
            session.runUntil(20_000 * MS, rows::add);
            TraceRow moved = rows.stream().filter(TraceRow::enabled).findFirst().orElse(null);
            assertNull(moved, "moved with " + name + " held since boot: " + (moved == null ? "" : Scenarios.row(moved)));
            session.apply(new ButtonAction(button, false));
            session.runUntil(21_000 * MS, rows::add);
            session.apply(new ButtonAction(button, true));
            session.runUntil(30_000 * MS, rows::add);
            if (button == Button.DOWN || button == Button.UP) {
                assertTrue(rows.stream().anyMatch(TraceRow::enabled), "a new press of " + name + " did not move the table");
            }
        } finally {
            session.close();
        }
    }

    @Test
    void noMotionWithoutAPressAfterAPowerCycleWhileHoldingDown() {
        ScenarioHarness.Run run = new Scenarios().at(1, "press DOWN").at(10, "power-cycle").at(20, "release DOWN")
                .runTo(25).run();
        TraceRow moved = run.first(10.005, TraceRow::enabled);
        assertNull(moved, "moved after the restart with DOWN held through it: "
                + (moved == null ? "" : Scenarios.row(moved)));
    }
}
