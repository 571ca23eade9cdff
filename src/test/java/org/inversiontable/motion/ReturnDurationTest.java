package org.inversiontable.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SPEC §3: the worst-case return time that the supervisor and the configuration check share. */
class ReturnDurationTest {
    private static final MotionLimits DOWN = new MotionLimits(5.0, 3.0, 6.0);
    private static final MotionLimits BACK = DOWN.withVMaxDegPerS(0.5);
    private static final double STOP_S = 5.0 / 3.0 + 3.0 / 6.0;
    private static final double STOP_DEG =
            JerkLimitedProfile.stoppingDistanceDeg(new ProfileState(0.0, 5.0, 0.0), DOWN);

    private final ReturnDuration duration = new ReturnDuration(DOWN, BACK, 30.0);

    @Test
    void atOrBelowZeroNothingIsLeftToReturn() {
        assertEquals(0.0, duration.secondsFrom(0.0));
        assertEquals(0.0, duration.secondsFrom(-20.0));
        assertTrue(Double.isNaN(duration.secondsFrom(Double.NaN)), "an unknown angle is not 'nothing left'");
    }

    @Test
    void aShallowAngleCountsTheStopOfAMoveGoingDownTheSensorErrorTheSlowTableAndThePickup() {
        double expected = STOP_S + JerkLimitedProfile.restToRestDurationS(10.0 + STOP_DEG + 1.0, BACK) / ReturnDuration.TRACKING_SPEED_SHARE
                + ReturnDuration.LOAD_PICKUP_S;
        assertEquals(expected, duration.secondsFrom(10.0), 1e-9);
    }

    @Test
    void theStopNeverEndsDeeperThanTheAngleLimit() {
        double expected = STOP_S + JerkLimitedProfile.restToRestDurationS(30.0 + 1.0, BACK) / ReturnDuration.TRACKING_SPEED_SHARE
                + ReturnDuration.LOAD_PICKUP_S;
        assertEquals(expected, duration.secondsFrom(29.0), 1e-9);
        assertEquals(expected, duration.secondsFrom(30.0), 1e-9);
    }

    @Test
    void anAngleFoundBeyondTheLimitIsReturnedFromWhereItIs() {
        double expected = STOP_S + JerkLimitedProfile.restToRestDurationS(40.0 + 1.0, BACK) / ReturnDuration.TRACKING_SPEED_SHARE
                + ReturnDuration.LOAD_PICKUP_S;
        assertEquals(expected, duration.secondsFrom(40.0), 1e-9);
    }

    @Test
    void theRequiredBudgetIsTheReturnFromTheLimitPlusTheStartMargin() {
        assertEquals(duration.secondsFrom(30.0) + 1.0, duration.requiredBudgetS(), 1e-9);
        assertEquals(0.0, new ReturnDuration(DOWN, BACK, 0.0).requiredBudgetS());
    }

    @Test
    void theDeepestFittingAngleIsTheLastWholeDegreeThatFits() {
        int deepest = duration.deepestFittingAngleDeg(60.0);
        assertTrue(new ReturnDuration(DOWN, BACK, deepest).requiredBudgetS() <= 60.0);
        assertTrue(new ReturnDuration(DOWN, BACK, deepest + 1).requiredBudgetS() > 60.0);
        assertEquals(30, duration.deepestFittingAngleDeg(duration.requiredBudgetS()));
        assertEquals(0, duration.deepestFittingAngleDeg(5.0));
    }

    @Test
    void aFasterReturnTakesLess() {
        ReturnDuration fast = new ReturnDuration(DOWN, DOWN.withVMaxDegPerS(5.0), 30.0);
        assertTrue(fast.secondsFrom(20.0) < duration.secondsFrom(20.0));
    }

    @Test
    void aNonFiniteLimitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ReturnDuration(DOWN, BACK, Double.NaN));
    }
}
