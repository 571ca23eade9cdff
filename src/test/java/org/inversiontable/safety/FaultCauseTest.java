package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.TiltReading;
import org.junit.jupiter.api.Test;

/** SPEC §6: each fault is logged with its cause: the figures seen, against which limit. */
class FaultCauseTest {
    private static final long T = 5_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void aStaleImuSaysHowLongAndWhetherTheBusFailed() {
        ImuPlausibility imu = new ImuPlausibility(T);
        imu.check(TiltReading.fresh(10, 1), T);
        ImuCheck c = imu.check(TiltReading.BUS_ERROR, T + 120 * MS);
        assertEquals(FaultCode.IMU_STALE, c.fault());
        assertTrue(c.cause().contains("120.0 ms"), c.cause());
        assertTrue(c.cause().contains("bus error"), c.cause());
        ImuPlausibility quiet = new ImuPlausibility(T);
        ImuCheck q = quiet.check(TiltReading.NO_NEW_SAMPLE, T + 150 * MS);
        assertEquals(FaultCode.IMU_STALE, q.fault());
        assertTrue(!q.cause().contains("bus error"), q.cause());
    }

    @Test
    void aJumpSaysFromWhereToWhereAndInHowLong() {
        ImuPlausibility imu = new ImuPlausibility(T);
        imu.check(TiltReading.fresh(10, 1), T);
        ImuCheck c = imu.check(TiltReading.fresh(20, 1), T + 20 * MS);
        assertTrue(c.rejected());
        assertTrue(c.cause().contains("from 10.00 to 20.00 deg in 20.0 ms"), c.cause());
    }

    @Test
    void aWrongDirectionSaysHowFarTheTableMovedAgainstTheCommand() {
        MotionDisagreement motion = new MotionDisagreement();
        Trip trip = null;
        for (long t = 0; t <= 1000 && trip == null; t += 10) {
            trip = motion.update(MotorCommand.drive(0.5), 10 - 4.0 * t / 1000, T + t * MS);
        }
        assertNotNull(trip);
        assertEquals(FaultCode.MOTION_WRONG_DIRECTION, trip.code());
        assertTrue(trip.cause().startsWith("table moved 2.0"), "movement against is reported as a positive figure: "
                + trip.cause());
    }

    @Test
    void aHomeSwitchDisagreementSaysWhatTheSwitchReadsAndForHowLong() {
        HomeSwitchConsistency home = new HomeSwitchConsistency(-65);
        Trip trip = null;
        for (long t = 0; t <= 600 && trip == null; t += 10) {
            trip = home.update(false, -69, true, T + t * MS);
        }
        assertNotNull(trip);
        assertTrue(trip.cause().contains("reads not at home"), trip.cause());
        assertTrue(trip.cause().contains("for 0.50 s"), trip.cause());
    }

    @Test
    void aLoopOverrunSaysHowLateAgainstWhichLimit() {
        LoopOverrun overrun = new LoopOverrun(10 * MS);
        overrun.tickStarted(T);
        Trip trip = overrun.tickStarted(T + 45 * MS);
        assertNotNull(trip);
        assertTrue(trip.cause().contains("45.0 ms after the previous one (limit 3 periods = 30.0 ms)"), trip.cause());
    }

    @Test
    void aHomeSwitchAtHomeWhileInvertedSaysSo() {
        HomeSwitchConsistency home = new HomeSwitchConsistency(-65);
        Trip trip = null;
        for (long t = 0; t <= 600 && trip == null; t += 10) {
            trip = home.update(true, 10, true, T + t * MS);
        }
        assertNotNull(trip);
        assertTrue(trip.cause().contains("reads at home but the angle is 10.0 deg"), trip.cause());
    }

    @Test
    void everyFaultCodeHasAMeaningForTheLog() {
        for (FaultCode code : FaultCode.values()) {
            assertTrue(!code.meaning().isBlank(), code + " has no meaning");
        }
    }

    @Test
    void anAcceptedOrRejectedSampleCarriesNoTrip() {
        ImuPlausibility imu = new ImuPlausibility(T);
        assertEquals(null, imu.check(TiltReading.fresh(10, 1), T + MS).trip());
        assertEquals(null, imu.check(TiltReading.fresh(10, 5), T + 2 * MS).trip());
    }
}
