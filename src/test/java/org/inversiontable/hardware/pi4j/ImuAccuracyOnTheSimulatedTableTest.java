package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.TiltReading;
import org.inversiontable.sim.TableParameters;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3 and §6: the measured angle stays within 1 deg of the true one on a real table, where a
 * person on the bed jolts the accelerometer, through the whole sensor chain (simulated table and
 * IMU, fake chip, real driver, the supervisor's plausibility check).
 */
class ImuAccuracyOnTheSimulatedTableTest {
    /** A sensor whose angle has noise but no mounting offset, so what is left is the filter's error. */
    private static final TableParameters UNBIASED = TableParameters.defaults().withImu(0.3, 0.0, 0.005);
    /** Past the driver's start-up, when it fits the gyro's offset and shows the accelerometer as is. */
    private static final double SETTLE_S = 3.0;

    @Test
    void aSidewaysJoltOfATenthOfASecondAtPointTwoGLeavesUnderOneDegreeAtRest() {
        try (SensorRig rig = new SensorRig(UNBIASED.withJolts(0.2, 0.1, 2.5), 20.0)) {
            rig.run(SETTLE_S, 0.0);
            rig.resetError();
            rig.run(30.0, 0.0);   // 12 jolts
            assertTrue(rig.maxErrorDeg < 1.0, "error " + rig.maxErrorDeg + " deg under 0.2 g jolts at rest");
            assertTrue(rig.maxErrorDeg > 0.2, "the jolts must reach the chip (error " + rig.maxErrorDeg + ")");
        }
    }

    @Test
    void aJoltBackwardsIsAsHarmlessAsOneForwards() {
        try (SensorRig rig = new SensorRig(UNBIASED.withJolts(-0.2, 0.1, 2.5), -30.0)) {
            rig.run(SETTLE_S, 0.0);
            rig.resetError();
            rig.run(15.0, 0.0);
            assertTrue(rig.maxErrorDeg < 1.0, "error " + rig.maxErrorDeg + " deg");
        }
    }

    @Test
    void aSidewaysJoltWhileTheTableMovesLeavesUnderOneDegree() {
        try (SensorRig rig = new SensorRig(UNBIASED.withJolts(0.2, 0.1, 2.2), -60.0)) {
            rig.run(SETTLE_S, 0.0);
            rig.resetError();
            double before = rig.table.angleTrueDeg();
            rig.run(20.0, 0.7);   // head down through the range, a jolt every 2.2 s
            double after = rig.table.angleTrueDeg();
            assertTrue(after - before > 60.0, "the table must move (" + before + " -> " + after + ")");
            rig.run(15.0, -0.7);
            assertTrue(rig.maxErrorDeg < 1.0, "error " + rig.maxErrorDeg + " deg under 0.2 g jolts while moving");
        }
    }

    @Test
    void theAngleFollowsAFiveDegreePerSecondMoveWithinAThirdOfADegree() {
        try (SensorRig rig = new SensorRig(UNBIASED, -60.0)) {
            rig.run(SETTLE_S, 0.0);
            rig.resetError();
            double maxSpeed = 0.0;
            for (int i = 0; i < 2000; i++) {
                // 5 deg/s and stops: the hardest part for a filter is starting and stopping.
                double duty = (i / 400) % 2 == 0 ? 0.5 : 0.0;
                rig.tick(duty);
                maxSpeed = Math.max(maxSpeed, Math.abs(rig.table.speedDegPerS()));
                assertTrue(rig.lastReading.isFresh(), "tick " + i + ": " + rig.lastReading);
                assertTrue(!rig.lastCheck.tripped(), "tick " + i + ": " + rig.lastCheck.cause());
            }
            assertTrue(maxSpeed > 4.5, "the move must reach 5 deg/s, was " + maxSpeed);
            assertTrue(rig.maxErrorDeg < 0.3, "lag or error " + rig.maxErrorDeg + " deg at " + maxSpeed + " deg/s");
        }
    }

    @Test
    void noiseBiasAndMovesNeverTripTheCrossCheckInAnHour() {
        // The defaults: 0.3 deg of noise and 0.2 deg of offset on the accelerometer's angle, the
        // gyro 2 deg/s off and 0.05 deg/s of noise; an hour of moves up and down and holds.
        try (SensorRig rig = new SensorRig(TableParameters.defaults(), -60.0)) {
            rig.run(SETTLE_S, 0.0);
            rig.resetError();
            for (int cycle = 0; cycle < 120; cycle++) {
                rig.run(10.0, 0.6);
                rig.run(5.0, 0.0);
                rig.run(10.0, -0.6);
                rig.run(5.0, 0.0);
            }
            assertEquals(3603.0, rig.clock.seconds(), 0.1);   // the start-up, then an hour
            assertEquals(0, rig.disagreeingSamples, "samples where gyro and accelerometer disagreed");
            assertTrue(rig.maxErrorDeg < 1.0, "error " + rig.maxErrorDeg + " deg with the 0.2 deg offset");
        }
    }

    @Test
    void aStuckChipStillLooksFrozenToTheSupervisor() {
        try (SensorRig rig = new SensorRig(UNBIASED, 0.0)) {
            rig.run(SETTLE_S, 0.0);
            rig.tick(0.7);
            rig.table.injectImu(org.inversiontable.sim.ImuFault.STUCK, 0.0);
            rig.tick(0.7);
            TiltReading frozen = rig.tick(0.7);
            for (int i = 0; i < 5; i++) {
                TiltReading r = rig.tick(0.7);
                assertEquals(frozen.angleDeg(), r.angleDeg(), 0.0, "a frozen chip must read identical angles");
            }
        }
    }

    @Test
    void aSimulationThatShowsOnlyTheAngleStillAgreesWithItself() {
        // The desktop simulator's rig shows the angle alone; the bench makes the gyro up from it.
        try (SensorRig rig = new SensorRig(TableParameters.defaults(), -60.0)) {
            rig.angleOnly = true;
            rig.run(SETTLE_S, 0.0);
            rig.resetError();
            for (int cycle = 0; cycle < 10; cycle++) {
                rig.run(10.0, 0.6);
                rig.run(3.0, 0.0);
                rig.run(10.0, -0.6);
                rig.run(3.0, 0.0);
            }
            assertEquals(0, rig.disagreeingSamples, "samples where the made-up gyro and the accelerometer disagreed");
            // No better than the accelerometer alone (0.2 deg offset + 4 sigma of 0.3 deg), as said.
            assertTrue(rig.maxErrorDeg < 1.5, "error " + rig.maxErrorDeg + " deg");
        }
    }
}
