package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * SPEC §9: {@code fault motor runaway} (a shorted bridge) drives on at full speed in the direction
 * last driven, whatever the duty and the enable line, until motor power is cut or a mechanical
 * stop; the external relay cuts motor power 100 ms after the WATCHDOG line's last toggle and
 * restores it only when the line toggles again.
 */
class RunawayAndRelayTest {
    private static final long MS = 1_000_000L;
    private static final TableParameters DEFAULTS = TableParameters.defaults();

    private static void run(SimulatedTable table, double seconds, double duty, boolean enabled, boolean powered) {
        for (long i = 0; i < Math.round(seconds * 1000); i++) {
            table.step(MS, duty, enabled, powered);
        }
    }

    @Test
    void aRunawayDrivesOnAtFullSpeedInTheLastDirectionWhateverTheCommand() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        run(table, 0.5, -0.4, true, true);          // driven toward upright
        table.inject(MotorFault.RUNAWAY);
        double from = table.angleTrueDeg();
        run(table, 1.0, 0.0, false, true);          // disabled
        run(table, 1.0, 0.6, true, true);           // driven the other way
        assertTrue(table.angleTrueDeg() < from - 15.0, "a runaway at full speed: " + from + " -> " + table.angleTrueDeg());
        assertTrue(table.speedDegPerS() < -8.0, "not at full speed: " + table.speedDegPerS());
    }

    @Test
    void aRunawayStopsWhenMotorPowerIsCutAndAtTheMechanicalStop() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 80.0, 80.0, 1L);
        run(table, 0.2, 0.5, true, true);
        table.inject(MotorFault.RUNAWAY);
        run(table, 3.0, 0.0, false, true);
        assertEquals(DEFAULTS.maxAngleDeg(), table.angleTrueDeg(), 1e-9, "a runaway ends at the mechanical stop");
        run(table, 1.0, -1.0, true, false);
        assertEquals(DEFAULTS.maxAngleDeg(), table.angleTrueDeg(), 1e-9, "nothing drives without motor power");

        SimulatedTable cut = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        run(cut, 0.2, 0.5, true, true);
        cut.inject(MotorFault.RUNAWAY);
        run(cut, 0.5, 0.0, false, true);
        run(cut, 0.2, 0.0, false, false);           // the screw stops within 0.1 s
        double stopped = cut.angleTrueDeg();
        run(cut, 2.0, 1.0, true, false);
        assertEquals(stopped, cut.angleTrueDeg(), 1e-3, "moved without motor power");
        assertEquals(0.0, cut.speedDegPerS(), 1e-3);
    }

    @Test
    void aRunawayInjectedBeforeAnyDriveWaitsForTheFirst() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        table.inject(MotorFault.RUNAWAY);
        run(table, 1.0, 0.0, false, true);
        assertEquals(0.0, table.angleTrueDeg(), 1e-9);
        run(table, 0.05, 0.5, true, true);
        run(table, 1.0, 0.0, false, true);
        assertTrue(table.angleTrueDeg() > 7.0, "did not run away after the first drive: " + table.angleTrueDeg());
        table.clear(FaultGroup.MOTOR);
        double at = table.angleTrueDeg();
        run(table, 1.0, 0.0, false, true);
        assertTrue(table.angleTrueDeg() - at < 0.5, "still running after clear motor");
    }

    @Test
    void theRelayDropsOneHundredMillisecondsAfterTheLastToggleAndComesBackOnTheNext() {
        WatchdogRelay relay = new WatchdogRelay(false);
        assertFalse(relay.motorPowered(), "a charge pump holds nothing before the first toggle");
        boolean level = false;
        long t = 0;
        for (; t <= 500 * MS; t += MS) {
            if (t % (10 * MS) == 0) {
                level = !level;
            }
            relay.observe(level, t);
            assertTrue(t == 0 || relay.motorPowered(), "dropped while toggling at " + t / MS + " ms");
        }
        long lastToggle = 500 * MS;
        for (; t < lastToggle + WatchdogRelay.DROP_NANOS; t += MS) {
            relay.observe(level, t);
            assertTrue(relay.motorPowered(), "dropped after only " + (t - lastToggle) / MS + " ms");
        }
        relay.observe(level, t);
        assertFalse(relay.motorPowered(), "still powered 100 ms after the last toggle");
        assertEquals(lastToggle + WatchdogRelay.DROP_NANOS, relay.droppedAtNanos());
        for (t += MS; t < 2000 * MS; t += MS) {
            relay.observe(level, t);
            assertFalse(relay.motorPowered(), "came back without a toggle");
        }
        relay.observe(!level, t);
        assertTrue(relay.motorPowered(), "did not come back on a toggle");
    }
}
