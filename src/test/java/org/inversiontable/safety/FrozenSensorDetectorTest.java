package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;

class FrozenSensorDetectorTest {
    private static final MotorCommand DRIVING = MotorCommand.drive(0.5);

    @Test
    void fiveIdenticalSamplesUnderDriveAreAFrozenSensor() {
        FrozenSensorDetector detector = new FrozenSensorDetector();
        for (int i = 0; i < 4; i++) {
            assertNull(detector.update(DRIVING, 12.345), "sample " + (i + 1));
        }
        Trip trip = detector.update(DRIVING, 12.345);
        assertNotNull(trip);
        assertEquals(FaultCode.IMU_FROZEN, trip.code());
    }

    @Test
    void aChangingReadingUnderDriveIsFine() {
        FrozenSensorDetector detector = new FrozenSensorDetector();
        for (int i = 0; i < 100; i++) {
            assertNull(detector.update(DRIVING, 10.0 + i * 0.05));
        }
    }

    @Test
    void aQuietSensorAtRestIsNotFrozen() {
        FrozenSensorDetector detector = new FrozenSensorDetector();
        for (int i = 0; i < 100; i++) {
            assertNull(detector.update(MotorCommand.OFF, 12.345));
            assertNull(detector.update(MotorCommand.drive(0.05), 12.345), "below the driving duty the table may not move");
        }
    }

    @Test
    void aFrozenImuWhileGoingDownStopsTheTableWithinAFewTicks() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                at 15 fault imu stuck
                run 20
                """);
        TraceRow fault = run.first(15.0, r -> "imu_frozen".equals(r.fault()));
        assertNotNull(fault, "the frozen IMU must be found");
        assertTrue(fault.tS() <= 15.06, "found at " + fault.tS() + " s, 0.06 s after it froze at most");
        assertTrue(!fault.enabled(), "motor off on the tick it is found");
        double angleAtFreeze = run.at(15.0).angleTrueDeg();
        assertTrue(run.maxTrueAngleDeg() < angleAtFreeze + 0.5,
                "the table ran on " + (run.maxTrueAngleDeg() - angleAtFreeze) + " deg after the freeze");
    }
}
