package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.inversiontable.hardware.MotorCommand;
import org.junit.jupiter.api.Test;

/** SPEC §6 wrong direction, the early catch: half a degree against the drive on 3 ticks in a row. */
class WrongWayGuardTest {
    private static final MotorCommand DOWN = MotorCommand.drive(0.5);
    private static final MotorCommand UP = MotorCommand.drive(-0.5);

    /** Starts a drive at 10 deg, then feeds the given angles; returns the tick index of the trip or -1. */
    private static int tripTick(WrongWayGuard guard, MotorCommand drive, double noise, double... angles) {
        assertNull(guard.update(drive, 10.0, noise), "the first tick of a drive only sets its start");
        for (int i = 0; i < angles.length; i++) {
            Trip trip = guard.update(drive, angles[i], noise);
            if (trip != null) {
                assertEquals(FaultCode.MOTION_WRONG_DIRECTION, trip.code());
                return i;
            }
        }
        return -1;
    }

    @Test
    void aTableGoingUpUnderADownDriveTripsOnTheThirdTick() {
        assertEquals(2, tripTick(new WrongWayGuard(), DOWN, 0.0, 9.4, 9.3, 9.2, 9.1));
    }

    @Test
    void aTableGoingDownUnderAnUpDriveTripsOnTheThirdTick() {
        assertEquals(2, tripTick(new WrongWayGuard(), UP, 0.0, 10.6, 10.7, 10.8, 10.9));
    }

    @Test
    void movingTheRightWayNeverTrips() {
        assertEquals(-1, tripTick(new WrongWayGuard(), DOWN, 0.0, 11, 12, 13, 14, 15));
        assertEquals(-1, tripTick(new WrongWayGuard(), UP, 0.0, 9, 8, 7, 6, 5));
    }

    @Test
    void halfADegreeIsNoiseAndMoreIsNot() {
        assertEquals(-1, tripTick(new WrongWayGuard(), DOWN, 0.0, 9.5, 9.5, 9.5, 9.5));
        assertEquals(2, tripTick(new WrongWayGuard(), DOWN, 0.0, 9.49, 9.49, 9.49));
    }

    @Test
    void theTicksAgainstMustComeInARow() {
        assertEquals(-1, tripTick(new WrongWayGuard(), DOWN, 0.0, 9.4, 9.4, 10.0, 9.4, 9.4, 10.0));
    }

    @Test
    void aNoisierSensorWidensTheThresholdToFourSigmas() {
        // 0.2 deg of filtered noise: 0.8 deg against is needed.
        assertEquals(-1, tripTick(new WrongWayGuard(), DOWN, 0.2, 9.25, 9.25, 9.25, 9.25));
        assertEquals(2, tripTick(new WrongWayGuard(), DOWN, 0.2, 9.1, 9.1, 9.1));
    }

    @Test
    void dutiesBelowTheDrivingDutyAndADisabledMotorAreNotJudged() {
        MotorCommand creep = MotorCommand.drive(WrongWayGuard.DRIVING_DUTY - 0.001);
        assertEquals(-1, tripTick(new WrongWayGuard(), creep, 0.0, 9, 8, 7, 6));
        assertEquals(-1, tripTick(new WrongWayGuard(), MotorCommand.OFF, 0.0, 9, 8, 7, 6));
        assertEquals(2, tripTick(new WrongWayGuard(), MotorCommand.drive(WrongWayGuard.DRIVING_DUTY), 0.0, 9, 8, 7));
    }

    @Test
    void aNewDirectionStartsFromWhereTheTableIsThen() {
        WrongWayGuard guard = new WrongWayGuard();
        guard.update(DOWN, 10.0, 0.0);
        guard.update(DOWN, 12.0, 0.0);
        guard.update(UP, 12.0, 0.0);   // reversal at 12: measured from here
        assertNull(guard.update(UP, 11.0, 0.0));
        assertNull(guard.update(UP, 11.0, 0.0));
        assertNull(guard.update(UP, 11.0, 0.0), "measured the up drive from the down drive's start");
    }

    @Test
    void noAngleYetMeansNoStartAndNoJudgement() {
        WrongWayGuard guard = new WrongWayGuard();
        guard.update(DOWN, Double.NaN, 0.0);
        assertNull(guard.update(DOWN, 5.0, 0.0), "the first angle only sets the start");
        assertNull(guard.update(DOWN, 5.0, 0.0));
        assertNull(guard.update(DOWN, 4.0, 0.0));
        assertNull(guard.update(DOWN, 4.0, 0.0));
        assertNotNull(guard.update(DOWN, 4.0, 0.0), "measured from the first real angle");
    }

    @Test
    void resetForgetsTheStartAndTheCount() {
        WrongWayGuard guard = new WrongWayGuard();
        guard.update(DOWN, 10.0, 0.0);
        guard.update(DOWN, 9.0, 0.0);
        guard.update(DOWN, 9.0, 0.0);
        guard.reset();
        assertNull(guard.update(DOWN, 9.0, 0.0), "after a reset the first tick only sets the start");
        assertNull(guard.update(DOWN, 9.0, 0.0));
        assertNull(guard.update(DOWN, 9.0, 0.0), "the count of before the reset was kept");
    }
}
