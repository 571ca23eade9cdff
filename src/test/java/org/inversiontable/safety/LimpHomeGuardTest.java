package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * SPEC §6: open-loop limp home runs until a travel-time bound runs out: the whole way from the
 * last trusted angle to home at the slowest plausible speed (0.5 deg/s) plus 10 s.
 */
class LimpHomeGuardTest {
    private static final long S = 1_000_000_000L;
    private static final long TICK = 10_000_000L;
    private static final double HOME = -65.0;

    /** Drives from t=0 in 10 ms ticks; returns the seconds of drive until the bound refused. */
    private static double secondsAllowed(LimpHomeGuard guard) {
        long t = 0;
        while (guard.allowOpenLoop(true, t)) {
            t += TICK;
            if (t > 2000 * S) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return t / 1e9;
    }

    @Test
    void withoutAStartNoOpenLoopDriveIsAllowed() {
        LimpHomeGuard guard = new LimpHomeGuard(HOME, 1.5);
        assertFalse(guard.allowOpenLoop(true, 0));
        assertFalse(guard.allowOpenLoop(false, TICK));
        assertEquals(1.5, guard.limpSpeedDegPerS());
    }

    @Test
    void theBoundIsTheTravelAtHalfADegreePerSecondPlusTenSeconds() {
        LimpHomeGuard guard = new LimpHomeGuard(HOME, 1.5);
        guard.startOpenLoop(30.0);   // 95 deg to home: 190 s + 10 s
        assertEquals(200.0, secondsAllowed(guard), 0.005);
    }

    @Test
    void aSlowerLimpSpeedThanHalfADegreePerSecondLengthensTheBound() {
        LimpHomeGuard guard = new LimpHomeGuard(HOME, 0.25);
        guard.startOpenLoop(-25.0);   // 40 deg at 0.25 deg/s: 160 s + 10 s
        assertEquals(170.0, secondsAllowed(guard), 0.005);
    }

    @Test
    void withNoTrustedAngleTheWholeRangeIsAssumed() {
        LimpHomeGuard guard = new LimpHomeGuard(HOME, 1.5);
        guard.startOpenLoop(Double.NaN);   // 160 deg: 320 s + 10 s
        assertEquals(330.0, secondsAllowed(guard), 0.005);
    }

    @Test
    void belowHomeOnlyTheMarginIsLeft() {
        LimpHomeGuard guard = new LimpHomeGuard(HOME, 1.5);
        guard.startOpenLoop(HOME - 3.0);
        assertEquals(10.0, secondsAllowed(guard), 0.005);
    }

    @Test
    void onlyTimeSpentDrivingCounts() {
        LimpHomeGuard guard = new LimpHomeGuard(HOME, 1.5);
        guard.startOpenLoop(HOME);   // 10 s of drive
        long t = 0;
        for (; t < 6 * S; t += TICK) {
            assertTrue(guard.allowOpenLoop(true, t));
        }
        // The button let go for a long time: none of it is spent, nor the gap before the next drive.
        for (; t < 600 * S; t += TICK) {
            assertTrue(guard.allowOpenLoop(false, t), "the bound ran out while not driving");
        }
        long resumed = t;
        while (guard.allowOpenLoop(true, t)) {
            t += TICK;
        }
        assertEquals(4.0, (t - resumed) / 1e9, 0.021, "drive time left after a pause");
    }

    @Test
    void aResetEndsTheBoundAndANewStartGivesAFreshOne() {
        LimpHomeGuard guard = new LimpHomeGuard(HOME, 1.5);
        guard.startOpenLoop(HOME);
        assertTrue(guard.allowOpenLoop(true, 0));
        guard.reset();
        assertFalse(guard.allowOpenLoop(true, TICK), "open loop allowed after a reset");
        guard.startOpenLoop(HOME);
        assertEquals(10.0, secondsAllowed(guard), 0.005);
    }
}
