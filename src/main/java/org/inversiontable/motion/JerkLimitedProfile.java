package org.inversiontable.motion;

/**
 * Online jerk-limited (S-curve) reference generator for the tilt axis (SPEC §5). Called once per
 * control tick with the reference of the previous tick, it returns the next one; a new target,
 * a stop or new limits take effect on the next call and never cause a step in acceleration,
 * because every call re-plans from the full state (position, velocity, acceleration).
 *
 * <pre>{@code
 * JerkLimitedProfile profile = new JerkLimitedProfile();
 * ProfileState reference = ProfileState.restingAt(measuredAngleDeg);
 * // every tick:
 * reference = stopRequested
 *         ? profile.stepToStop(reference, limits, 0.01)
 *         : profile.stepToward(reference, targetDeg, limits, 0.01);
 * }</pre>
 *
 * <p>How a tick is planned (continuous time, then sampled, so the samples are exact):
 * <ol>
 *   <li>Where would the hardest controlled stop from here end? If that is the target, follow
 *       that stop: it arrives at the target with v = 0 and a = 0.</li>
 *   <li>Otherwise head for the side the target is on "as fast as allowed" (toward +vMax with
 *       full jerk and acceleration) for as long as a stop started afterwards still ends at or
 *       before the target; the switching time inside the tick is found by bisection.</li>
 *   <li>When the whole remaining plan fits in one tick, land exactly on (target, 0, 0).</li>
 * </ol>
 * Each part is a jerk-limited curve and the switch between them keeps the acceleration, so the
 * change of acceleration over any tick is at most jMax * dt. For a move from rest this is the
 * time-optimal 7-segment S-curve of {@link #restToRestDurationS}.
 * Deterministic, no clock. Its only state is scratch space for the planning (ramps and states
 * re-planned on every call, so that a tick allocates nothing: SPEC §11): the same call gives the
 * same result whatever came before, but an instance is confined to one thread.
 */
public final class JerkLimitedProfile {
    /**
     * How close (deg) the end of a stop must be to the target to count as arriving there; far
     * above the rounding of the arithmetic, far below anything the table could show.
     */
    static final double ARRIVAL_TOLERANCE_DEG = 1e-9;
    /** Velocity and acceleration magnitudes below which a reference counts as at rest. */
    static final double REST_TOLERANCE = 1e-9;
    /** Halvings of the tick when locating the switch to braking: far below double resolution. */
    private static final int SWITCH_SEARCH_STEPS = 64;

    /** "As fast as allowed" toward the target, in the mirrored frame. */
    private final VelocityRamp fullSpeed = new VelocityRamp();
    /** The stops planned to see where they end, and the stop finally followed. */
    private final VelocityRamp stop = new VelocityRamp();
    /** A state on the way (after the tick, at a probe of the search): mirrored frame. */
    private final StateBuffer probe = new StateBuffer();
    private final StateBuffer atSwitch = new StateBuffer();
    /** What {@link #nextToward} and {@link #nextStop} return: valid until the next call. */
    private final ProfileState next = ProfileState.reusable();

    /** The next reference state on the way to {@code targetDeg}, {@code dtS} after {@code current}. */
    public ProfileState stepToward(ProfileState current, double targetDeg, MotionLimits limits, double dtS) {
        return nextToward(current, targetDeg, limits, dtS).copy();
    }

    /**
     * As {@link #stepToward}, for the 100 Hz tick: the state returned is this planner's own, valid
     * until its next call ({@code current} may be it).
     */
    public ProfileState nextToward(ProfileState current, double targetDeg, MotionLimits limits, double dtS) {
        requireArguments(current, limits, dtS);
        if (!Double.isFinite(targetDeg)) {
            throw new IllegalArgumentException("targetDeg must be finite, was " + targetDeg);
        }
        double stopEndDeg = current.positionDeg()
                + stopDistanceDeg(current.velocityDegPerS(), current.accelerationDegPerS2(), limits);
        double gapDeg = targetDeg - stopEndDeg;
        if (Math.abs(gapDeg) <= ARRIVAL_TOLERANCE_DEG) {
            return brake(current, limits, dtS, targetDeg);
        }
        // Work relative to the target, mirrored so that the target lies in the + direction:
        // keeps the arithmetic near zero, and one set of rules serves both directions.
        double sign = Math.signum(gapDeg);
        double startP = sign * (current.positionDeg() - targetDeg);
        double startV = sign * current.velocityDegPerS();
        double startA = sign * current.accelerationDegPerS2();
        fullSpeed.replan(startV, startA, limits.vMaxDegPerS(), limits);
        fullSpeed.stateAt(startP, startV, startA, dtS, probe);
        if (stopEndRelativeToTarget(probe, limits) < 0.0) {
            return toWorld(probe, sign, targetDeg);
        }
        // Braking must begin within this tick: find when (latest moment a stop still ends at the target).
        double safeS = 0.0;
        double lateS = dtS;
        for (int i = 0; i < SWITCH_SEARCH_STEPS; i++) {
            double midS = 0.5 * (safeS + lateS);
            fullSpeed.stateAt(startP, startV, startA, midS, probe);
            if (stopEndRelativeToTarget(probe, limits) < 0.0) {
                safeS = midS;
            } else {
                lateS = midS;
            }
        }
        fullSpeed.stateAt(startP, startV, startA, safeS, atSwitch);
        stop.replan(atSwitch.velocityDegPerS, atSwitch.accelerationDegPerS2, 0.0, limits);
        double leftS = dtS - safeS;
        if (stop.durationS() <= leftS) {
            return next.refill(targetDeg, 0.0, 0.0);
        }
        stop.stateAt(atSwitch.positionDeg, atSwitch.velocityDegPerS, atSwitch.accelerationDegPerS2, leftS, probe);
        return toWorld(probe, sign, targetDeg);
    }

    /**
     * The next reference state of a controlled stop: decelerate to rest as fast as the
     * acceleration and jerk limits allow, without a step in acceleration (SPEC §5 STOP).
     */
    public ProfileState stepToStop(ProfileState current, MotionLimits limits, double dtS) {
        return nextStop(current, limits, dtS).copy();
    }

    /**
     * As {@link #stepToStop}, for the 100 Hz tick: the state returned is this planner's own, valid
     * until its next call ({@code current} may be it).
     */
    public ProfileState nextStop(ProfileState current, MotionLimits limits, double dtS) {
        requireArguments(current, limits, dtS);
        return brake(current, limits, dtS, current.positionDeg()
                + stopDistanceDeg(current.velocityDegPerS(), current.accelerationDegPerS2(), limits));
    }

    /**
     * Signed distance (deg) the reference still travels if a controlled stop starts now; the
     * supervisor uses it to start braking before the angle limit.
     */
    public static double stoppingDistanceDeg(ProfileState s, MotionLimits limits) {
        return VelocityRamp.plan(s.velocityDegPerS(), s.accelerationDegPerS2(), 0.0, limits)
                .displacementDeg(s.velocityDegPerS(), s.accelerationDegPerS2());
    }

    /** True when the reference is (numerically) standing still with no acceleration. */
    public static boolean isAtRest(ProfileState s) {
        return Math.abs(s.velocityDegPerS()) <= REST_TOLERANCE
                && Math.abs(s.accelerationDegPerS2()) <= REST_TOLERANCE;
    }

    /**
     * Duration (s) of the time-optimal rest-to-rest S-curve over {@code distanceDeg} (either sign):
     * the classic 7-segment profile, with the constant-acceleration and cruise segments dropped
     * when the move is too short to reach aMax or vMax. The supervisor uses it to start the
     * automatic return early enough (SPEC §3).
     */
    public static double restToRestDurationS(double distanceDeg, MotionLimits limits) {
        if (!Double.isFinite(distanceDeg)) {
            throw new IllegalArgumentException("distanceDeg must be finite, was " + distanceDeg);
        }
        double d = Math.abs(distanceDeg);
        double v = limits.vMaxDegPerS();
        double a = limits.aMaxDegPerS2();
        double j = limits.jMaxDegPerS3();
        double rampS = a / j;
        // Time to go from rest to vMax (and, mirrored, back); the distance both cover is v * that.
        double toFullSpeedS = v * j >= a * a ? v / a + rampS : 2.0 * Math.sqrt(v / j);
        if (d >= v * toFullSpeedS) {
            return toFullSpeedS + d / v;
        }
        // vMax not reached: find the peak speed vp of the symmetric accelerate-then-brake profile.
        double vpWithHoldDegPerS = 0.5 * (-a * rampS + Math.sqrt(a * rampS * a * rampS + 4.0 * a * d));
        if (vpWithHoldDegPerS * j >= a * a) {
            return 2.0 * (vpWithHoldDegPerS / a + rampS);
        }
        return 4.0 * Math.cbrt(d / (2.0 * j));
    }

    private ProfileState brake(ProfileState current, MotionLimits limits, double dtS, double endDeg) {
        stop.replan(current.velocityDegPerS(), current.accelerationDegPerS2(), 0.0, limits);
        if (stop.durationS() <= dtS) {
            return next.refill(endDeg, 0.0, 0.0);
        }
        stop.stateAt(current.positionDeg(), current.velocityDegPerS(), current.accelerationDegPerS2(), dtS, probe);
        return next.refill(probe.positionDeg, probe.velocityDegPerS, probe.accelerationDegPerS2);
    }

    /** As {@link #stoppingDistanceDeg}, on this planner's own ramp. */
    private double stopDistanceDeg(double vDegPerS, double aDegPerS2, MotionLimits limits) {
        return stop.replan(vDegPerS, aDegPerS2, 0.0, limits).displacementDeg(vDegPerS, aDegPerS2);
    }

    private double stopEndRelativeToTarget(StateBuffer relative, MotionLimits limits) {
        return relative.positionDeg + stopDistanceDeg(relative.velocityDegPerS, relative.accelerationDegPerS2, limits);
    }

    private ProfileState toWorld(StateBuffer relative, double sign, double targetDeg) {
        return next.refill(targetDeg + sign * relative.positionDeg,
                sign * relative.velocityDegPerS, sign * relative.accelerationDegPerS2);
    }

    private static void requireArguments(ProfileState current, MotionLimits limits, double dtS) {
        if (current == null || limits == null) {
            throw new IllegalArgumentException("current state and limits are required");
        }
        if (!Double.isFinite(dtS) || dtS <= 0.0) {
            throw new IllegalArgumentException("dtS must be a positive finite time step, was " + dtS);
        }
    }
}
