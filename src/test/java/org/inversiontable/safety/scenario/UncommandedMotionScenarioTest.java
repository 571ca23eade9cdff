package org.inversiontable.safety.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §4: when the table moves in a way the controller did not command (a shorted bridge, a
 * drive against the command, overspeed) the WATCHDOG heartbeat stops and the external relay drops
 * motor power 100 ms later (SPEC §9); after the other faults the heartbeat goes on, so that limp
 * home can drive. Driven through the simulated table, its relay and the Pi4J mock wires; prints
 * the latencies measured.
 */
class UncommandedMotionScenarioTest {
    private static final double TICK_S = 0.01;
    private static final double RELAY_DROP_S = 0.1;
    private static final Set<String> DRIVE_MOVES_BY_ITSELF =
            Set.of("motion_uncommanded", "overspeed", "motion_wrong_direction");
    private static final List<String> FIGURES = Collections.synchronizedList(new ArrayList<>());

    enum Phase {
        GOING_DOWN, HOLDING, COMING_UP;

        /** The session up to the phase (80 kg reaches about 14 deg going down, the 30 deg limit holding, 26 deg coming up). */
        double build(Scenarios s) {
            s.at(1, "press DOWN");
            return switch (this) {
                case GOING_DOWN -> 18;
                case HOLDING -> {
                    s.at(25, "release DOWN");
                    yield 30;
                }
                case COMING_UP -> {
                    s.at(25, "release DOWN").at(30, "press UP");
                    yield 34;
                }
            };
        }
    }

    static Stream<Arguments> everyPhaseAndWeight() {
        List<Arguments> all = new ArrayList<>();
        for (Phase p : Phase.values()) {
            for (int kg : new int[] {40, 80, 150}) {
                all.add(Arguments.of(p, kg));
            }
        }
        return all.stream();
    }

    private static Scenarios session(int kg) {
        return new Scenarios().start("angle_deg=-65 user_kg=" + kg);
    }

    @ParameterizedTest(name = "{0}, {1} kg")
    @MethodSource("everyPhaseAndWeight")
    void aShortedBridgeStopsTheHeartbeatAndTheRelayCutsMotorPower(Phase phase, int kg) {
        Scenarios s = session(kg);
        double injectS = phase.build(s);
        PoweredRun run = PoweredRun.of(s.at(injectS, "fault motor runaway").runTo(injectS + 5));
        String where = "runaway while " + phase + ", " + kg + " kg";

        PoweredRun.Tick detected = run.first(injectS, t -> t.row().fault() != null);
        assertNotNull(detected, where + ": no fault" + run.around(injectS + 1, 0.5));
        assertTrue(DRIVE_MOVES_BY_ITSELF.contains(detected.row().fault()), where + ": " + detected.row().fault());
        if (phase == Phase.HOLDING) {
            // At rest the bridge is disabled: only the uncommanded-motion detector can see it.
            assertEquals("motion_uncommanded", detected.row().fault(), where);
        }
        double detectS = detected.tS() - injectS;
        // Bounds: 0.5 s at rest (about 0.3 measured); moving, the overspeed window (0.65 s at the
        // default 5 deg/s) plus its 0.3 s (about 0.7-0.8 measured).
        assertTrue(detectS <= (phase == Phase.HOLDING ? 0.5 : 1.0), where + ": detected after " + detectS + " s");
        checkPowerCut(run, detected, injectS, where);
    }

    /** The heartbeat stops on the detecting tick, the relay drops 100 ms after the last toggle, the table stops. */
    private static void checkPowerCut(PoweredRun run, PoweredRun.Tick detected, double injectS, String where) {
        PoweredRun.Tick stop = run.heartbeatStop(injectS);
        assertNotNull(stop, where + ": the heartbeat never stopped");
        assertEquals(detected.tS(), stop.tS(), 1e-9, where + ": the heartbeat did not stop on the detecting tick"
                + run.around(detected.tS(), 0.05));
        assertTrue(run.heartbeatStop(stop.tS() + TICK_S) != null
                        && run.between(stop.tS(), run.ticks().get(run.ticks().size() - 1).tS()).stream()
                        .allMatch(t -> t.heartbeatHigh() == stop.heartbeatHigh()),
                where + ": the heartbeat toggled again before a reset");
        double lastToggleS = stop.tS() - TICK_S;
        double droppedS = run.relayDroppedAtNanos() / 1e9;
        assertEquals(lastToggleS + RELAY_DROP_S, droppedS, 0.0015, where + ": relay dropped at " + droppedS);
        PoweredRun.Tick powered = run.first(droppedS + TICK_S, PoweredRun.Tick::motorPowered);
        assertNull(powered, where + ": motor power came back without a heartbeat");
        // The screw stops within 0.1 s once unpowered: from then on the table stays where it is.
        double settledS = droppedS + 0.1;
        double endS = run.ticks().get(run.ticks().size() - 1).tS();
        double driftDeg = run.maxTrueBetween(settledS, endS) - run.minTrueBetween(settledS, endS);
        assertTrue(driftDeg <= 0.01, where + ": the table moved " + driftDeg + " deg after the relay dropped");
        double travelDeg = Math.max(run.maxTrueBetween(injectS, endS) - run.at(injectS).row().angleTrueDeg(),
                run.at(injectS).row().angleTrueDeg() - run.minTrueBetween(injectS, endS));
        FIGURES.add(String.format(Locale.ROOT, "%-44s %-20s %8.0f %10.0f %10.0f %8.2f", where,
                detected.row().fault(), (detected.tS() - injectS) * 1000, (stop.tS() - injectS) * 1000,
                (droppedS - injectS) * 1000, travelDeg));
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(ints = {40, 80, 150})
    void overspeedLatchesAndStopsTheHeartbeatUntilAReset(int kg) {
        // Going down, the runaway agrees in sign with the command: neither disagreement detector
        // sees it, the supervisor's own speed measure does.
        Scenarios s = session(kg);
        double injectS = Phase.GOING_DOWN.build(s);
        s.at(injectS, "fault motor runaway").at(injectS + 3, "clear motor").at(injectS + 3.5, "release DOWN")
                .at(injectS + 4, "press STOP").at(injectS + 6.5, "release STOP").runTo(injectS + 10);
        PoweredRun run = PoweredRun.of(s);
        String where = "overspeed going down, " + kg + " kg";
        PoweredRun.Tick detected = run.first(injectS, t -> t.row().fault() != null);
        assertNotNull(detected, where + ": no fault");
        assertEquals("overspeed", detected.row().fault(), where + run.around(detected.tS(), 0.05));
        assertFalse(detected.row().enabled(), where + ": motor enabled on the detecting tick");
        // Latched through the clear of the motor fault and until the reset (STOP held 2 s).
        PoweredRun.Tick reset = run.first(injectS, t -> "reset".equals(t.row().event()));
        assertNotNull(reset, where + ": no reset");
        assertFalse(run.heartbeatToggledThroughout(detected.tS(), reset.tS() - TICK_S), where);
        assertEquals(detected.tS(), run.heartbeatStop(injectS).tS(), 1e-9, where);
        assertFalse(run.at(reset.tS() - TICK_S).motorPowered(), where + ": power back before the reset");
        // After the reset the heartbeat goes on, the relay closes again, and nothing moves without a press.
        assertTrue(run.heartbeatToggledThroughout(reset.tS() + TICK_S, injectS + 10), where + ": no heartbeat after the reset");
        assertTrue(run.at(reset.tS() + 0.05).motorPowered(), where + ": relay still open after the reset");
        double moved = run.maxTrueBetween(reset.tS(), injectS + 10) - run.minTrueBetween(reset.tS(), injectS + 10);
        assertTrue(moved <= 0.01, where + ": the table moved " + moved + " deg after the reset without a press");
    }

    static Stream<Arguments> faultsAfterWhichLimpHomeMustDrive() {
        return Stream.of(
                Arguments.of("motor stall", "motion_stall"),
                Arguments.of("imu stale", "imu_stale"),
                Arguments.of("home-switch stuck-open", "home_switch_disagree"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsAfterWhichLimpHomeMustDrive")
    void theHeartbeatGoesOnAfterTheOtherFaults(String fault, String code) {
        // Coming up at 80 kg; the fault latches; the heartbeat toggles on every tick and the relay holds.
        Scenarios s = session(80);
        double injectS = Phase.COMING_UP.build(s);
        PoweredRun run = PoweredRun.of(s.at(injectS, "fault " + fault).runTo(injectS + 5));
        PoweredRun.Tick detected = run.first(injectS, t -> t.row().fault() != null);
        assertNotNull(detected, fault + ": no fault");
        assertEquals(code, detected.row().fault());
        assertNull(run.heartbeatStop(injectS), fault + ": the heartbeat stopped");
        assertTrue(run.between(injectS, injectS + 5).stream().allMatch(PoweredRun.Tick::motorPowered),
                fault + ": the relay dropped motor power");
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(ints = {40, 80, 150})
    void heartbeatGoesOnAfterAStallSoLimpHomeCanDrive(int kg) {
        Scenarios s = session(kg);
        double injectS = Phase.COMING_UP.build(s);
        s.at(injectS, "fault motor stall").at(injectS + 2, "clear motor").at(injectS + 2, "release UP")
                .at(injectS + 3, "press UP").runTo(injectS + 13);
        PoweredRun run = PoweredRun.of(s);
        assertEquals("motion_stall", run.first(injectS, t -> t.row().fault() != null).row().fault());
        assertTrue(run.heartbeatToggledThroughout(injectS, injectS + 13), kg + " kg: the heartbeat stopped");
        assertTrue(run.between(injectS, injectS + 13).stream().allMatch(PoweredRun.Tick::motorPowered),
                kg + " kg: the relay dropped motor power");
        double fromDeg = run.at(injectS + 3).row().angleTrueDeg();
        double toDeg = run.at(injectS + 13).row().angleTrueDeg();
        // Limp home runs at half the return speed (1.5 deg/s): 10 s bring the table well up.
        assertTrue(fromDeg - toDeg >= 5.0, kg + " kg: limp home went from " + fromDeg + " to " + toDeg + " deg"
                + run.around(injectS + 4, 0.1));
        assertEquals("LIMP_HOME", run.at(injectS + 8).row().state());
    }

    @AfterAll
    static void printFigures() {
        List<String> sorted = new ArrayList<>(FIGURES);
        Collections.sort(sorted);
        System.out.println();
        System.out.println("Drive that moves by itself: ms from the injection of 'fault motor runaway'");
        System.out.printf(Locale.ROOT, "%-44s %-20s %8s %10s %10s %8s%n", "case", "code", "fault", "heartbeat",
                "relay cut", "deg");
        sorted.forEach(System.out::println);
    }
}
