package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulatedTableFaultTest {
    private static final long MS = 1_000_000L;
    private static final TableParameters DEFAULTS = TableParameters.defaults();

    private static void run(SimulatedTable table, double seconds, double duty) {
        for (long i = 0; i < Math.round(seconds * 1000); i++) {
            table.step(MS, duty, true);
        }
    }

    @Test
    void stallStopsTheActuatorWhateverTheCommandUntilCleared() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -30.0, 80.0, 1L);
        run(table, 1.0, 1.0);
        double before = table.angleTrueDeg();
        table.inject(MotorFault.STALL);
        run(table, 2.0, 1.0);
        assertEquals(before, table.angleTrueDeg());
        assertEquals(0.0, table.speedDegPerS());
        run(table, 2.0, -1.0);
        assertEquals(before, table.angleTrueDeg());
        table.clear(FaultGroup.MOTOR);
        run(table, 1.0, 1.0);
        assertTrue(table.angleTrueDeg() > before + 5.0);
    }

    @Test
    void reversedMovesOppositeToTheCommandUntilCleared() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -30.0, 80.0, 1L);
        table.inject(MotorFault.REVERSED);
        run(table, 1.0, 0.5);
        assertTrue(table.angleTrueDeg() < -32.0, "commanded down, moved up: " + table.angleTrueDeg());
        table.clear(FaultGroup.MOTOR);
        double before = table.angleTrueDeg();
        run(table, 1.0, 0.5);
        assertTrue(table.angleTrueDeg() > before);
    }

    @Test
    void clearingOtherGroupsLeavesMotorFaultsActive() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -30.0, 80.0, 1L);
        table.inject(MotorFault.STALL);
        table.clear(FaultGroup.IMU);
        table.clear(FaultGroup.HOME_SWITCH);
        run(table, 1.0, 1.0);
        assertEquals(-30.0, table.angleTrueDeg());
    }

    @Test
    void homeSwitchStuckOpenReportsAtHomeWhereverTheTableIs() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 30.0, 80.0, 1L);
        assertFalse(table.homeSwitchAtHome());
        table.inject(HomeSwitchFault.STUCK_OPEN);
        assertTrue(table.homeSwitchAtHome());
        table.clear(FaultGroup.HOME_SWITCH);
        assertFalse(table.homeSwitchAtHome());
    }

    @Test
    void homeSwitchStuckClosedNeverReportsAtHome() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -65.0, 80.0, 1L);
        assertTrue(table.homeSwitchAtHome());
        table.inject(HomeSwitchFault.STUCK_CLOSED);
        assertFalse(table.homeSwitchAtHome());
        run(table, 10.0, -1.0);
        assertEquals(-70.0, table.angleTrueDeg());
        assertFalse(table.homeSwitchAtHome());
        table.clear(FaultGroup.HOME_SWITCH);
        assertTrue(table.homeSwitchAtHome());
    }
}
