package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.MotorCommand;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 wrong direction, the early catch: half a degree against the drive (on the guard's own
 * smoothed angle) on 3 ticks in a row, judged from one actuator lag after the drive began.
 */
class WrongWayGuardTest {
    private static final long TICK = 10_000_000L;
    private static final MotorCommand DOWN = MotorCommand.drive(0.5);
    private static final MotorCommand UP = MotorCommand.drive(-0.5);

    private final WrongWayGuard guard = new WrongWayGuard();
    private long now = 5_000_000_000L;

    /** Feeds the angle for this many ticks; returns the index of the tick that tripped, or -1. */
    private int feed(MotorCommand drive, double angleDeg, double noiseDeg, int ticks) {
        for (int i = 0; i < ticks; i++) {
            Trip trip = guard.update(drive, angleDeg, noiseDeg, now);
            now += TICK;
            if (trip != null) {
                assertEquals(FaultCode.MOTION_WRONG_DIRECTION, trip.code());
                return i;
            }
        }
        return -1;
    }

    @Test
    void aTableGoingUpUnderADownDriveTrips() {
        assertEquals(-1, feed(DOWN, 10.0, 0.0, 30), "steady at 10 deg: the drive's start");
        int trip = feed(DOWN, 9.0, 0.0, 100);
        assertTrue(trip >= 0 && trip < 20, "a 1 deg step against the drive trips within 0.2 s, tick " + trip);
    }

    @Test
    void aTableGoingDownUnderAnUpDriveTrips() {
        feed(UP, 10.0, 0.0, 30);
        assertTrue(feed(UP, 11.0, 0.0, 100) >= 0);
    }

    @Test
    void movingTheRightWayNeverTrips() {
        feed(DOWN, 10.0, 0.0, 30);
        for (int i = 1; i <= 100; i++) {
            assertEquals(-1, feed(DOWN, 10.0 + i * 0.05, 0.0, 1));
        }
    }

    @Test
    void lessThanHalfADegreeAgainstIsNotAFault() {
        feed(DOWN, 10.0, 0.0, 30);
        assertEquals(-1, feed(DOWN, 9.55, 0.0, 300));
    }

    @Test
    void theFirstActuatorLagOfADriveIsNotJudged() {
        // The table may still coast the old way for the actuator's lag after a new command.
        assertEquals(-1, feed(DOWN, 10.0, 0.0, 1));
        assertEquals(-1, feed(DOWN, 8.0, 0.0, (int) (WrongWayGuard.SETTLE_NANOS / TICK) - 1),
                "motion within the settle time belongs to the command before");
    }

    @Test
    void aNoisierSensorWidensTheThreshold() {
        feed(DOWN, 10.0, 1.0, 30);
        // 1 deg of sensor noise: 5 sigma of the smoothed angle is about 1.4 deg.
        assertEquals(-1, feed(DOWN, 9.0, 1.0, 300));
        feed(DOWN, 10.0, 1.0, 300);
        assertTrue(feed(DOWN, 8.0, 1.0, 300) >= 0);
    }

    @Test
    void dutiesBelowTheDrivingDutyAndADisabledMotorAreNotJudged() {
        MotorCommand creep = MotorCommand.drive(WrongWayGuard.DRIVING_DUTY - 0.001);
        feed(creep, 10.0, 0.0, 30);
        assertEquals(-1, feed(creep, 7.0, 0.0, 100));
        feed(MotorCommand.OFF, 10.0, 0.0, 30);
        assertEquals(-1, feed(MotorCommand.OFF, 7.0, 0.0, 100));
    }

    @Test
    void aNewDirectionIsMeasuredFromWhereTheTableIsThen() {
        feed(DOWN, 10.0, 0.0, 30);
        feed(DOWN, 12.0, 0.0, 100);
        feed(UP, 12.0, 0.0, 30);   // reversal at 12: the up drive is measured from here
        assertEquals(-1, feed(UP, 11.0, 0.0, 100), "going up under an up drive is right");
    }

    @Test
    void resetForgetsTheStart() {
        feed(DOWN, 10.0, 0.0, 30);
        guard.reset();
        feed(DOWN, 9.0, 0.0, 30);
        assertEquals(-1, feed(DOWN, 9.0, 0.0, 100), "after a reset the drive starts afresh at 9 deg");
    }
}
