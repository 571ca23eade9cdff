package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatedTablePhysicsTest {
    private static final long MS = 1_000_000L;
    private static final TableParameters DEFAULTS = TableParameters.defaults();

    private static void run(SimulatedTable table, double seconds, double duty, boolean enabled) {
        long steps = Math.round(seconds * 1000);
        for (long i = 0; i < steps; i++) {
            table.step(MS, duty, enabled);
        }
    }

    private static double steadySpeedDegPerS(double massKg, double startDeg, double duty) {
        SimulatedTable table = new SimulatedTable(DEFAULTS, startDeg, massKg, 1L);
        run(table, 2.0, duty, true);
        return table.speedDegPerS();
    }

    @Test
    void fullDutyWithNoLoadReachesNoLoadSpeed() {
        assertEquals(10.0, steadySpeedDegPerS(0.0, -30.0, 1.0), 1e-3);
        assertEquals(-10.0, steadySpeedDegPerS(0.0, 30.0, -1.0), 1e-3);
    }

    @Test
    void speedReaches63PercentOfItsTargetAfterOneMotorLag() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -30.0, 0.0, 1L);
        run(table, 0.12, 1.0, true);
        assertEquals(10.0 * (1.0 - Math.exp(-1.0)), table.speedDegPerS(), 1e-9);
    }

    @Test
    void unpoweredSpeedDecaysWithTheShortBrakeLag() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -30.0, 0.0, 1L);
        run(table, 1.0, 1.0, true);
        double before = table.speedDegPerS();
        run(table, 0.02, 0.0, false);
        assertEquals(before * Math.exp(-1.0), table.speedDegPerS(), 1e-9);
    }

    @Test
    void dutyInsideTheDeadbandDoesNotMoveTheTable() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -30.0, 0.0, 1L);
        run(table, 5.0, 0.04, true);
        run(table, 5.0, -0.04, true);
        assertEquals(-30.0, table.angleTrueDeg());
        run(table, 1.0, 0.05, true);
        assertTrue(table.angleTrueDeg() > -30.0, "just above the deadband the table moves");
    }

    @Test
    void effectiveDutyIsRescaledSoHalfDutyGivesTheExpectedSpeed() {
        double expected = 10.0 * (0.5 - 0.04) / (1.0 - 0.04);
        assertEquals(expected, steadySpeedDegPerS(0.0, -30.0, 0.5), 1e-3);
    }

    @Test
    void unpoweredTableHoldsItsPositionUnderTheHeaviestLoad() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 300.0, 1L);
        run(table, 30.0, 0.0, false);
        run(table, 30.0, 0.0, true);
        assertEquals(0.0, table.angleTrueDeg());
    }

    @Test
    void theLoadNeverBackDrivesTheActuatorAgainstTheCommand() {
        // 300 kg at flat: tau / stall = 300 * 9.80665 * 0.04 / 600 = 0.196 > the effective up duty 0.0625.
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 300.0, 1L);
        run(table, 10.0, -0.1, true);
        assertEquals(0.0, table.angleTrueDeg());
        assertEquals(0.0, table.speedDegPerS());
    }

    @Test
    void commandingUpWhileMovingDownAgainstAHeavyLoadStopsWithoutReversing() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -10.0, 300.0, 1L);
        run(table, 1.0, 0.5, true);
        double previous = table.angleTrueDeg();
        for (int i = 0; i < 3000; i++) {
            table.step(MS, -0.1, true);
            assertTrue(table.angleTrueDeg() >= previous, "no motion toward upright at step " + i);
            previous = table.angleTrueDeg();
        }
        assertEquals(0.0, table.speedDegPerS(), 1e-6);
    }

    @Test
    void theUsersWeightMakesGoingUpSlowerThanGoingDown() {
        double down = steadySpeedDegPerS(100.0, 0.0, 0.5);
        double up = -steadySpeedDegPerS(100.0, 0.0, -0.5);
        // Both runs end about 9 deg from flat, where the load is cos(9 deg) of its value at flat.
        // Raising takes the full load; lowering only T_lower / T_raise of it (the screw self-locks).
        double loadDegPerS = 10.0 * 100.0 * 9.80665 * 0.04 / 600.0 * Math.cos(Math.toRadians(9.0));
        double noLoadDegPerS = 10.0 * (0.5 - 0.04) / (1.0 - 0.04);
        assertTrue(up < down);
        assertEquals(noLoadDegPerS - loadDegPerS, up, 0.01);
        assertEquals(noLoadDegPerS - DEFAULTS.lowerToRaiseTorqueRatio() * loadDegPerS, down, 0.01);
    }

    @Test
    void anotherUserChangesTheLoadFromThenOn() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 40.0, 1L);
        double light = table.gravityTorqueNm();
        table.setUserMassKg(150.0);
        assertEquals(150.0, table.userMassKg());
        assertEquals(light * 150.0 / 40.0, table.gravityTorqueNm(), 1e-9);
        run(table, 3.0, -0.5, true);
        SimulatedTable heavyFromTheStart = new SimulatedTable(DEFAULTS, 0.0, 150.0, 1L);
        run(heavyFromTheStart, 3.0, -0.5, true);
        assertEquals(heavyFromTheStart.angleTrueDeg(), table.angleTrueDeg(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> table.setUserMassKg(301.0));
        assertThrows(IllegalArgumentException.class, () -> table.setUserMassKg(Double.NaN));
    }

    @Test
    void theSpeedAtADutyNeverExceedsTheNoLoadSpeedAtThatDutyForAnyWeightOrAngle() {
        for (double duty : new double[] {-1.0, -0.5, -0.1, -0.05, 0.05, 0.1, 0.5, 1.0}) {
            double noLoad = Math.abs(steadySpeedDegPerS(0.0, 0.0, duty));
            for (double kg : new double[] {40.0, 80.0, 150.0, 300.0}) {
                for (double angle : new double[] {-65.0, -30.0, 0.0, 30.0, 60.0}) {
                    SimulatedTable table = new SimulatedTable(DEFAULTS, angle, kg, 1L);
                    for (int i = 0; i < 1000; i++) {
                        table.step(MS, duty, true);
                        assertTrue(Math.abs(table.speedDegPerS()) <= noLoad + 1e-9, "duty " + duty + ", " + kg
                                + " kg at " + angle + " deg: " + table.speedDegPerS() + " > " + noLoad);
                        assertTrue(table.speedDegPerS() * duty >= 0.0, "never against the duty");
                    }
                }
            }
        }
    }

    @Test
    void loweringTheLoadStillTakesMotorTorque() {
        // The self-locking screw: with the load pulling toward inversion, a duty just past the
        // dead band still cannot move the bed that way; it takes more duty than with no load.
        double justPastDeadband = 0.04 + 0.01;
        assertTrue(steadySpeedDegPerS(0.0, 0.0, justPastDeadband) > 0.0);
        assertEquals(0.0, steadySpeedDegPerS(300.0, 0.0, justPastDeadband));
        assertTrue(DEFAULTS.lowerToRaiseTorqueRatio() > 0.0 && DEFAULTS.lowerToRaiseTorqueRatio() < 1.0);
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 300.0, 1L);
        run(table, 5.0, 0.0, true);
        assertEquals(0.0, table.angleTrueDeg(), "unpowered, the load does not lower itself");
    }

    @Test
    void aHeavierUserIsSlowerInBothDirections() {
        for (double duty : new double[] {0.2, -0.2, 0.6, -0.6}) {
            double light = Math.abs(steadySpeedDegPerS(40.0, 0.0, duty));
            double heavy = Math.abs(steadySpeedDegPerS(150.0, 0.0, duty));
            assertTrue(heavy < light, "duty " + duty + ": light " + light + " heavy " + heavy);
        }
    }

    @Test
    void aHeavierUserGoesUpSlower() {
        double light = -steadySpeedDegPerS(50.0, 0.0, -0.5);
        double heavy = -steadySpeedDegPerS(150.0, 0.0, -0.5);
        assertTrue(heavy < light - 0.3, "light " + light + " heavy " + heavy);
    }

    @Test
    void theLoadIsLargestAtFlatAndVanishesHeadDown() {
        assertEquals(150.0 * 9.80665 * 0.04, new SimulatedTable(DEFAULTS, 0.0, 150.0, 1L).gravityTorqueNm(), 1e-9);
        assertEquals(0.0, new SimulatedTable(DEFAULTS, 90.0, 150.0, 1L).gravityTorqueNm(), 1e-9);
    }

    @Test
    void mechanicalStopsClampTheAngleAndZeroTheSpeed() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, 80.0, 80.0, 1L);
        run(table, 5.0, 1.0, true);
        assertEquals(90.0, table.angleTrueDeg());
        assertEquals(0.0, table.speedDegPerS());
        run(table, 30.0, -1.0, true);
        assertEquals(-70.0, table.angleTrueDeg());
        assertEquals(0.0, table.speedDegPerS());
    }

    @Test
    void homeSwitchReportsAtHomeOnlyWithinItsBand() {
        assertTrue(new SimulatedTable(DEFAULTS, -65.0, 80.0, 1L).homeSwitchAtHome());
        assertTrue(new SimulatedTable(DEFAULTS, -64.5, 80.0, 1L).homeSwitchAtHome());
        assertTrue(new SimulatedTable(DEFAULTS, -70.0, 80.0, 1L).homeSwitchAtHome());
        assertFalse(new SimulatedTable(DEFAULTS, -64.49, 80.0, 1L).homeSwitchAtHome());
        assertFalse(new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L).homeSwitchAtHome());
    }

    @Test
    void exactIntegrationMakesTheResultIndependentOfTheStepSize() {
        SimulatedTable fine = new SimulatedTable(DEFAULTS, -30.0, 80.0, 1L);
        SimulatedTable coarse = new SimulatedTable(DEFAULTS, -30.0, 80.0, 1L);
        double[] duties = {0.7, 0.0, -0.6, 0.3};
        for (double duty : duties) {
            for (int i = 0; i < 500; i++) {
                fine.step(MS, duty, true);
            }
            coarse.step(500 * MS, duty, true);
        }
        // Only the slow cos(angle) change of the load differs between the two step sizes.
        assertEquals(fine.angleTrueDeg(), coarse.angleTrueDeg(), 0.01);
        assertEquals(fine.speedDegPerS(), coarse.speedDegPerS(), 0.01);
    }

    @Test
    void sameSeedAndCommandsGiveBitIdenticalRuns() {
        SimulatedTable a = new SimulatedTable(DEFAULTS, -65.0, 80.0, 1234L);
        SimulatedTable b = new SimulatedTable(DEFAULTS, -65.0, 80.0, 1234L);
        Random commands = new Random(99L);
        for (int i = 0; i < 20_000; i++) {
            double duty = commands.nextDouble() * 2 - 1;
            boolean enabled = commands.nextInt(10) > 0;
            a.step(MS, enabled ? duty : 0.0, enabled);
            b.step(MS, enabled ? duty : 0.0, enabled);
            if (i == 5000) {
                a.injectImu(ImuFault.NOISE, 1.0);
                b.injectImu(ImuFault.NOISE, 1.0);
            }
            assertEquals(Double.doubleToRawLongBits(a.angleTrueDeg()), Double.doubleToRawLongBits(b.angleTrueDeg()));
            assertEquals(a.imuOutput(), b.imuOutput());
        }
    }

    @Test
    void differentSeedsGiveDifferentSensorNoise() {
        SimulatedTable a = new SimulatedTable(DEFAULTS, -65.0, 80.0, 1L);
        SimulatedTable b = new SimulatedTable(DEFAULTS, -65.0, 80.0, 2L);
        assertTrue(a.imuOutput().angleDeg() != b.imuOutput().angleDeg());
    }

    @Test
    void aFifteenMinuteSessionOfMillisecondStepsRuns() {
        SimulatedTable table = new SimulatedTable(DEFAULTS, -65.0, 80.0, 7L);
        long samples = 0;
        for (long i = 0; i < 15 * 60 * 1000L; i++) {
            double duty = Math.sin(i * 1e-4);
            table.step(MS, duty, true);
            if (table.imuOutput().newSample()) {
                samples++;
            }
        }
        assertEquals(15 * 60 * 1_000_000_000L, table.elapsedNanos());
        assertEquals(15 * 60 * 200L, samples);
        assertTrue(table.angleTrueDeg() >= -70.0 && table.angleTrueDeg() <= 90.0);
    }

    @Test
    void constructorRejectsImpossibleStartsAndStepRejectsBadCommands() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedTable(DEFAULTS, -71.0, 80.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedTable(DEFAULTS, Double.NaN, 80.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedTable(DEFAULTS, 0.0, -1.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedTable(null, 0.0, 80.0, 1L));
        SimulatedTable table = new SimulatedTable(DEFAULTS, 0.0, 80.0, 1L);
        assertThrows(IllegalArgumentException.class, () -> table.step(0L, 0.0, false));
        assertThrows(IllegalArgumentException.class, () -> table.step(MS, 1.5, true));
        assertThrows(IllegalArgumentException.class, () -> table.step(MS, Double.NaN, true));
    }
}
