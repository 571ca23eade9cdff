package org.inversiontable.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The ramp the profile is built from (SPEC §5): the fastest jerk-limited way to a velocity with
 * zero acceleration, exact at its end, and with no step in acceleration even when the limits
 * are lowered under it.
 */
class VelocityRampTest {
    private static final MotionLimits DEFAULTS = new MotionLimits(5, 3, 6);
    private static final double TOL = 1e-9;

    @Test
    void anAccelerationAboveALoweredLimitIsRampedDownAtFullJerkNotCut() {
        // Accelerating at 3 deg/s^2 when the limit drops to 1.5: back to 1.5 in (3 - 1.5) / 6 s, hold, then to 0.
        MotionLimits lowered = new MotionLimits(5, 1.5, 6);
        ProfileState start = new ProfileState(0.0, 1.0, 3.0);
        VelocityRamp ramp = VelocityRamp.plan(1.0, 3.0, 5.0, lowered);
        ProfileState atLimit = ramp.stateAt(start, 1.5 / 6.0);
        assertEquals(1.5, atLimit.accelerationDegPerS2(), TOL, "down to the lowered limit at full jerk");
        ProfileState holding = ramp.stateAt(start, 1.0);
        assertEquals(1.5, holding.accelerationDegPerS2(), TOL, "then held at the limit");
        ProfileState end = ramp.stateAt(start, ramp.durationS());
        assertEquals(5.0, end.velocityDegPerS(), TOL, "arrives at the target velocity");
        assertEquals(0.0, end.accelerationDegPerS2(), TOL, "with no acceleration left");
        assertEquals(end.positionDeg(), ramp.displacementDeg(1.0, 3.0), TOL, "the distance it says it covers");
        assertNoJerkAbove(ramp, start, 6.0);
    }

    @Test
    void anAccelerationAboveALoweredLimitIsRampedDownInEitherDirection() {
        MotionLimits lowered = new MotionLimits(5, 1.5, 6);
        ProfileState start = new ProfileState(0.0, -1.0, -3.0);
        VelocityRamp ramp = VelocityRamp.plan(-1.0, -3.0, -5.0, lowered);
        assertEquals(-1.5, ramp.stateAt(start, 1.5 / 6.0).accelerationDegPerS2(), TOL);
        ProfileState end = ramp.stateAt(start, ramp.durationS());
        assertEquals(-5.0, end.velocityDegPerS(), TOL);
        assertEquals(0.0, end.accelerationDegPerS2(), TOL);
        assertEquals(end.positionDeg(), ramp.displacementDeg(-1.0, -3.0), TOL);
        assertNoJerkAbove(ramp, start, 6.0);
    }

    @Test
    void pastItsEndTheRampCruisesAtTheTargetVelocity() {
        VelocityRamp ramp = VelocityRamp.plan(0.0, 0.0, 5.0, DEFAULTS);
        ProfileState start = ProfileState.restingAt(10.0);
        double endS = ramp.durationS();
        assertEquals(5.0 / 3.0 + 0.5, endS, TOL, "two 0.5 s jerk ramps and 7/6 s at 3 deg/s^2 reach 5 deg/s");
        ProfileState end = ramp.stateAt(start, endS);
        ProfileState later = ramp.stateAt(start, endS + 0.8);
        assertEquals(5.0, later.velocityDegPerS(), 0.0);
        assertEquals(0.0, later.accelerationDegPerS2(), 0.0);
        assertEquals(end.positionDeg() + 5.0 * 0.8, later.positionDeg(), TOL);
    }

    @Test
    void aStopFromFullSpeedCoversWhatTheCurveCovers() {
        VelocityRamp stop = VelocityRamp.plan(5.0, 0.0, 0.0, DEFAULTS);
        ProfileState end = stop.stateAt(new ProfileState(0.0, 5.0, 0.0), stop.durationS());
        assertEquals(0.0, end.velocityDegPerS(), TOL);
        assertEquals(end.positionDeg(), stop.displacementDeg(5.0, 0.0), TOL);
        assertTrue(end.positionDeg() > 0.0);
    }

    /**
     * Between samples 1 ms apart, through the end of the ramp and past it: the acceleration changes
     * by at most jerk * dt and the velocity by at most what the acceleration explains (no step where
     * the ramp hands over to the cruise).
     */
    private static void assertNoJerkAbove(VelocityRamp ramp, ProfileState start, double jerk) {
        double dt = 0.001;
        ProfileState previous = start;
        for (double t = dt; t < ramp.durationS() + 0.1; t += dt) {
            ProfileState s = ramp.stateAt(start, t);
            double change = Math.abs(s.accelerationDegPerS2() - previous.accelerationDegPerS2());
            assertTrue(change <= jerk * dt + TOL, "acceleration stepped by " + change + " at " + t + " s");
            double largestA = Math.max(Math.abs(s.accelerationDegPerS2()), Math.abs(previous.accelerationDegPerS2()));
            double dv = Math.abs(s.velocityDegPerS() - previous.velocityDegPerS());
            assertTrue(dv <= largestA * dt + TOL, "velocity stepped by " + dv + " at " + t + " s");
            previous = s;
        }
    }
}
