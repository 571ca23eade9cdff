package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.MotorCommand;
import org.junit.jupiter.api.Test;

/** The frozen-IMU check's edges: which duty counts as a drive, what a missing sample is, what it logs. */
class FrozenSensorEdgeTest {
    private static final MotorCommand DRIVING = MotorCommand.drive(0.5);

    @Test
    void aDutyOfOneTenthIsADriveAndLessIsNot() {
        FrozenSensorDetector atEdge = new FrozenSensorDetector();
        FrozenSensorDetector below = new FrozenSensorDetector();
        Trip edgeTrip = null;
        Trip belowTrip = null;
        for (int i = 0; i < 10; i++) {
            edgeTrip = edgeTrip != null ? edgeTrip : atEdge.update(MotorCommand.drive(FrozenSensorDetector.DRIVING_DUTY), 3.0);
            belowTrip = belowTrip != null ? belowTrip : below.update(MotorCommand.drive(0.099), 3.0);
        }
        assertNotNull(edgeTrip, "a frozen reading under duty 0.1 was not caught");
        assertNull(belowTrip, "judged a duty too small to move the table");
    }

    @Test
    void ticksWithoutASampleAreNotAFrozenReading() {
        FrozenSensorDetector detector = new FrozenSensorDetector();
        for (int i = 0; i < 20; i++) {
            assertNull(detector.update(DRIVING, Double.NaN), "missing samples counted as identical ones, tick " + i);
        }
    }

    @Test
    void theCauseSaysWhereAndForHowManySamples() {
        FrozenSensorDetector detector = new FrozenSensorDetector();
        Trip trip = null;
        for (int i = 0; i < 5; i++) {
            trip = detector.update(DRIVING, 12.345);
        }
        assertNotNull(trip);
        assertTrue(trip.cause().contains("frozen at 12.345 deg for 5 samples"), trip.cause());
    }
}
