package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.TiltReading;
import org.junit.jupiter.api.Test;

/**
 * The detectors refuse what would let them miss a fault: a clock running backwards (a negative
 * interval hides a stale sensor or a long disagreement), and settings outside the range that the
 * SPEC's limits were checked for (SPEC §6: a configuration that fails validation refuses to start).
 */
class DetectorInputValidationTest {
    private static final long T = 5_000_000_000L;

    @Test
    void everyTimedDetectorRejectsAClockRunningBackwards() {
        ImuPlausibility imu = new ImuPlausibility(T);
        assertThrows(IllegalArgumentException.class, () -> imu.check(TiltReading.fresh(0, 1), T - 1), "ImuPlausibility");

        HomeSwitchConsistency home = new HomeSwitchConsistency(-65);
        home.update(false, 0, true, T);
        assertThrows(IllegalArgumentException.class, () -> home.update(false, 0, true, T - 1), "HomeSwitchConsistency");

        MotionDisagreement motion = new MotionDisagreement();
        motion.update(MotorCommand.drive(0.5), 0, T);
        assertThrows(IllegalArgumentException.class, () -> motion.update(MotorCommand.drive(0.5), 0, T - 1),
                "MotionDisagreement");

        InvertedTimeBudget budget = new InvertedTimeBudget(180, -65, a -> 10, T);
        assertThrows(IllegalArgumentException.class, () -> budget.update(T - 1, 10, false), "InvertedTimeBudget");
    }

    @Test
    void theImuChecksRefuseARateOrANoiseAllowanceThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new ImuPlausibility(T, 0.0, 3.0), "rate 0: every move is a jump");
        assertThrows(IllegalArgumentException.class, () -> new ImuPlausibility(T, Double.POSITIVE_INFINITY, 3.0));
        assertThrows(IllegalArgumentException.class, () -> new ImuPlausibility(T, Double.NaN, 3.0));
        assertThrows(IllegalArgumentException.class, () -> new ImuPlausibility(T, 30.0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new ImuPlausibility(T, 30.0, Double.POSITIVE_INFINITY),
                "an infinite noise allowance never sees a jump");
        assertDoesNotThrow(() -> new ImuPlausibility(T, 30.0, 0.0), "a noise-free sensor needs no allowance");
    }

    @Test
    void theHomeSwitchCheckTakesHomesWithinTheMechanicalRangeOnly() {
        assertDoesNotThrow(() -> new HomeSwitchConsistency(-70));
        assertDoesNotThrow(() -> new HomeSwitchConsistency(0));
        assertThrows(IllegalArgumentException.class, () -> new HomeSwitchConsistency(-70.1));
        assertThrows(IllegalArgumentException.class, () -> new HomeSwitchConsistency(0.1));
        assertThrows(IllegalArgumentException.class, () -> new HomeSwitchConsistency(Double.NaN));
    }

    @Test
    void theBudgetTakesHomesWithinTheMechanicalRangeAndBelowItsBand() {
        assertDoesNotThrow(() -> new InvertedTimeBudget(180, -70, a -> 10, T));
        assertDoesNotThrow(() -> new InvertedTimeBudget(180, -2, a -> 10, T));
        assertDoesNotThrow(() -> new InvertedTimeBudget(900, -65, a -> 10, T), "the 15 min cap itself is allowed");
        assertThrows(IllegalArgumentException.class, () -> new InvertedTimeBudget(900.5, -65, a -> 10, T));
        assertThrows(IllegalArgumentException.class, () -> new InvertedTimeBudget(180, -70.1, a -> 10, T));
        assertThrows(IllegalArgumentException.class, () -> new InvertedTimeBudget(180, -1.9, a -> 10, T),
                "a home band reaching above 0 deg would let an inverted table end a session");
    }

    @Test
    void aRestoredCountMustBeAFiniteTimeAndZeroWithoutTheFlagIsNoSession() {
        InvertedTimeBudget budget = new InvertedTimeBudget(180, -65, a -> 10, T);
        assertThrows(IllegalArgumentException.class, () -> budget.restoreFrom(Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> budget.restoreFrom(-1, true));
        assertThrows(IllegalArgumentException.class, () -> budget.restoreFrom(Double.POSITIVE_INFINITY, true));
        budget.restoreFrom(0.0, false);
        assertFalse(budget.sessionActive(), "a journal with nothing spent and no session opened one");
        assertEquals(Double.POSITIVE_INFINITY, budget.secondsUntilReturnStart(), "a return is due outside a session");
        assertEquals(180.0, budget.remainingS());
        budget.restoreFrom(0.0, true);
        assertTrue(budget.sessionActive());
    }

    @Test
    void aFaultWithoutACodeIsAProgrammingErrorAndABlankCauseIsReplaced() {
        FaultLatch latch = new FaultLatch();
        assertThrows(IllegalArgumentException.class, () -> latch.trip(null, "what", 1));
        assertFalse(latch.latched());
        assertTrue(latch.trip(new Trip(FaultCode.LOOP_OVERRUN, "late"), 2), "the first trip reported not latching");
        FaultLatch blank = new FaultLatch();
        blank.trip(FaultCode.MOTOR_WATCHDOG, "   ", 1);
        assertEquals(FaultCode.MOTOR_WATCHDOG.meaning(), blank.cause(), "a blank cause reached the log");
    }
}
