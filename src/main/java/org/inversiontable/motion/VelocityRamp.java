package org.inversiontable.motion;

/**
 * The fastest jerk-limited way from a velocity and acceleration to a target velocity with zero
 * acceleration: at most three constant-jerk segments (ramp the acceleration to a peak, hold it,
 * ramp it back to zero). With a target velocity of 0 it is the hardest controlled stop; with
 * the speed limit as target it is "as fast as allowed". An acceleration above a (lowered) limit
 * is first ramped back to the limit at full jerk, never cut, so the reference has no step.
 *
 * <pre>{@code
 * VelocityRamp stop = VelocityRamp.plan(vDegPerS, aDegPerS2, 0.0, limits);
 * double stopsAfterDeg = stop.displacementDeg(vDegPerS, aDegPerS2);
 * ProfileState in10ms = stop.stateAt(current, 0.01);
 * }</pre>
 */
final class VelocityRamp {
    private double targetVelocityDegPerS;
    private double jerk0DegPerS3;
    private double duration0S;
    private double jerk1DegPerS3;
    private double duration1S;
    private double jerk2DegPerS3;
    private double duration2S;

    /** A ramp to {@linkplain #replan re-plan} every tick (SPEC §11: a tick allocates nothing); none yet. */
    VelocityRamp() {
    }

    private VelocityRamp set(double targetVelocityDegPerS,
                             double j0, double t0, double j1, double t1, double j2, double t2) {
        this.targetVelocityDegPerS = targetVelocityDegPerS;
        // Rounding can leave a duration a hair below zero; a negative time would run backwards.
        this.jerk0DegPerS3 = j0;
        this.duration0S = Math.max(0.0, t0);
        this.jerk1DegPerS3 = j1;
        this.duration1S = Math.max(0.0, t1);
        this.jerk2DegPerS3 = j2;
        this.duration2S = Math.max(0.0, t2);
        return this;
    }

    static VelocityRamp plan(double v0DegPerS, double a0DegPerS2, double vTargetDegPerS, MotionLimits limits) {
        return new VelocityRamp().replan(v0DegPerS, a0DegPerS2, vTargetDegPerS, limits);
    }

    /** This ramp, planned anew as {@link #plan} plans one: for a planner that keeps its ramps. */
    VelocityRamp replan(double v0DegPerS, double a0DegPerS2, double vTargetDegPerS, MotionLimits limits) {
        double aMax = limits.aMaxDegPerS2();
        double jMax = limits.jMaxDegPerS3();
        // Velocity reached if the acceleration is brought to zero right away at full jerk.
        double vAtZeroAcceleration = v0DegPerS + a0DegPerS2 * Math.abs(a0DegPerS2) / (2.0 * jMax);
        double sign = vAtZeroAcceleration <= vTargetDegPerS ? 1.0 : -1.0;
        // Mirror so that the velocity has to rise: one set of formulas for both directions.
        double v0 = sign * v0DegPerS;
        double a0 = sign * a0DegPerS2;
        double vTarget = sign * vTargetDegPerS;
        double j = sign * jMax;
        if (a0 > aMax) {
            // Acceleration above a lowered limit: ramp it down to the limit, hold, ramp to zero.
            double holdS = (vTarget - sign * vAtZeroAcceleration) / aMax;
            return set(vTargetDegPerS, -j, (a0 - aMax) / jMax, 0.0, holdS, -j, aMax / jMax);
        }
        double peakSquared = Math.max(0.0, jMax * (vTarget - v0) + 0.5 * a0 * a0);
        double peak = Math.sqrt(peakSquared);
        if (peak <= aMax) {
            return set(vTargetDegPerS, j, (peak - a0) / jMax, -j, peak / jMax, 0.0, 0.0);
        }
        double rampUpS = (aMax - a0) / jMax;
        double velocityOnRampsDegPerS = (aMax * aMax - a0 * a0) / (2.0 * jMax) + aMax * aMax / (2.0 * jMax);
        double holdS = (vTarget - v0 - velocityOnRampsDegPerS) / aMax;
        return set(vTargetDegPerS, j, rampUpS, 0.0, holdS, -j, aMax / jMax);
    }

    double durationS() {
        return duration0S + duration1S + duration2S;
    }

    /** Signed distance covered from (v0, a0) until the ramp ends. */
    double displacementDeg(double v0DegPerS, double a0DegPerS2) {
        double t0 = duration0S;
        double t1 = duration1S;
        double t2 = duration2S;
        double v1 = v0DegPerS + t0 * (a0DegPerS2 + t0 * jerk0DegPerS3 / 2.0);
        double a1 = a0DegPerS2 + t0 * jerk0DegPerS3;
        double v2 = v1 + t1 * (a1 + t1 * jerk1DegPerS3 / 2.0);
        double a2 = a1 + t1 * jerk1DegPerS3;
        return t0 * (v0DegPerS + t0 * (a0DegPerS2 / 2.0 + t0 * jerk0DegPerS3 / 6.0))
                + t1 * (v1 + t1 * (a1 / 2.0 + t1 * jerk1DegPerS3 / 6.0))
                + t2 * (v2 + t2 * (a2 / 2.0 + t2 * jerk2DegPerS3 / 6.0));
    }

    /**
     * The exact (piecewise cubic) state {@code elapsedS} after {@code start}; past the end of the
     * ramp the target velocity is held with zero acceleration.
     */
    ProfileState stateAt(ProfileState start, double elapsedS) {
        StateBuffer at = new StateBuffer();
        stateAt(start.positionDeg(), start.velocityDegPerS(), start.accelerationDegPerS2(), elapsedS, at);
        return at.toState();
    }

    /** As {@link #stateAt(ProfileState, double)}, from (p, v, a) into {@code out}: nothing allocated. */
    void stateAt(double startPositionDeg, double startVelocityDegPerS, double startAccelerationDegPerS2,
                 double elapsedS, StateBuffer out) {
        double p = startPositionDeg;
        double v = startVelocityDegPerS;
        double a = startAccelerationDegPerS2;
        double left = elapsedS;
        for (int i = 0; i < 3 && left > 0.0; i++) {
            double segmentS = i == 0 ? duration0S : i == 1 ? duration1S : duration2S;
            double jerk = i == 0 ? jerk0DegPerS3 : i == 1 ? jerk1DegPerS3 : jerk2DegPerS3;
            double t = Math.min(left, segmentS);
            p += t * (v + t * (a / 2.0 + t * jerk / 6.0));
            v += t * (a + t * jerk / 2.0);
            a += t * jerk;
            left -= segmentS;
        }
        if (left > 0.0) {
            // The ramp is over: its end is exactly (vTarget, 0); drop the rounding residue.
            v = targetVelocityDegPerS;
            a = 0.0;
            p += left * v;
        }
        out.set(p, v, a);
    }
}
