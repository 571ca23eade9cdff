package org.inversiontable.motion;

/**
 * How long the automatic return may take, worst case, from an angle back to &lt;= 0 deg on the
 * true angle (SPEC §3): the one estimate that both the supervisor (when the return falls due)
 * and the configuration check (whether a return from {@code max_angle_deg} fits in
 * {@code max_inverted_s} at all) use, so that the two can never disagree.
 *
 * <pre>{@code
 * ReturnDuration duration = new ReturnDuration(downLimits, returnLimits, maxAngleDeg);
 * double dueInS = maxInvertedS - invertedS - duration.secondsFrom(angleDeg) - ReturnDuration.START_MARGIN_S;
 * double fewestS = duration.requiredBudgetS();   // the smallest max_inverted_s that fits
 * }</pre>
 *
 * <p>It plans for the table as it moves, not as the profile plans it: the table may still be
 * going down at full speed when the return falls due (its stop costs time and ground, but never
 * beyond the angle limit), the sensor may read up to {@value #SENSOR_ERROR_DEG} deg low (the
 * accuracy SPEC §3 holds the angle to), the drive first has to take up the user's load toward
 * upright, and then it tracks the profile somewhat slower than the configured return speed.
 * The two allowances below were measured on the simulated table (the honest self-locking
 * screw) with the model-based controller, at v_return_deg_s=0.5 (the slowest, where they weigh
 * most), 40/80/150 kg, max_angle_deg 10 and 90, sensor bias +-0.5 deg and noise 0.3/0.6 deg:
 * scenario "start angle_deg=-65 user_kg=.. imu_bias_deg=.. imu_noise_deg=..; at 1 press DOWN",
 * the budget at its tightest (InvertedTimeOnTheTrueAngleScenarioTest).
 */
public final class ReturnDuration {
    /** SPEC §3: the angle holds on the true angle within 1 deg, sensor bias and noise included. */
    public static final double SENSOR_ERROR_DEG = 1.0;
    /**
     * The loaded table runs at no less than this share of the configured return speed. Measured:
     * 0.81-0.85 with 0.6 deg of sensor noise, 0.90-0.94 with 0.3 deg, at every weight (the true
     * speed between 80 % and 20 % of the way up). The profile plans at 0.95 of the limit
     * (ControlSettings), and the controller lets it wait while the estimate says the table is
     * behind, which a noisy estimate says more often than "ahead" can make up for.
     */
    public static final double TRACKING_SPEED_SHARE = 0.8;
    /**
     * Time the return loses, beyond the stop and the steady run, while the drive takes up the
     * user's load toward upright (the first move up of a session must learn it). Measured worst:
     * 5.45 s for 150 kg when the return falls due at rest at the angle limit, 3.2 s when it falls
     * due on the way down (150 kg, noise 0.6); 0.2-2.8 s at 40-80 kg. With 0.5 s of headroom.
     */
    public static final double LOAD_PICKUP_S = 6.0;
    /** Covers a tick of latency and the start of the move, between "due" and "under way". */
    public static final double START_MARGIN_S = 1.0;

    private final MotionLimits downLimits;
    private final MotionLimits returnLimits;
    private final double maxAngleDeg;
    private final double stopDeg;
    private final double stopS;

    /**
     * @param downLimits   limits of moves toward inversion (the move the return may interrupt)
     * @param returnLimits limits of moves toward upright, at the return speed
     * @param maxAngleDeg  the angle limit: no stop ever ends deeper than this
     */
    public ReturnDuration(MotionLimits downLimits, MotionLimits returnLimits, double maxAngleDeg) {
        if (!Double.isFinite(maxAngleDeg)) {
            throw new IllegalArgumentException("maxAngleDeg must be finite, was " + maxAngleDeg);
        }
        this.downLimits = downLimits;
        this.returnLimits = returnLimits;
        this.maxAngleDeg = maxAngleDeg;
        ProfileState fullSpeedDown = new ProfileState(0.0, downLimits.vMaxDegPerS(), 0.0);
        this.stopDeg = JerkLimitedProfile.stoppingDistanceDeg(fullSpeedDown, downLimits);
        this.stopS = downLimits.vMaxDegPerS() / downLimits.aMaxDegPerS2()
                + downLimits.aMaxDegPerS2() / downLimits.jMaxDegPerS3();
    }

    /**
     * Worst-case seconds from the measured {@code angleDeg} to &lt;= 0 deg on the true angle; 0 at
     * or below 0 deg, where nothing more is counted.
     */
    public double secondsFrom(double angleDeg) {
        if (!(angleDeg > 0.0)) {
            return Double.isNaN(angleDeg) ? Double.NaN : 0.0;
        }
        double deepestDeg = Math.min(angleDeg + stopDeg, Math.max(angleDeg, maxAngleDeg)) + SENSOR_ERROR_DEG;
        return stopS + JerkLimitedProfile.restToRestDurationS(deepestDeg, returnLimits) / TRACKING_SPEED_SHARE
                + LOAD_PICKUP_S;
    }

    /** The smallest inverted-time budget in which a return from the angle limit fits (s). */
    public double requiredBudgetS() {
        return maxAngleDeg > 0.0 ? secondsFrom(maxAngleDeg) + START_MARGIN_S : 0.0;
    }

    /**
     * The deepest angle limit, in whole degrees, whose return fits in {@code budgetS}; 0 when
     * none above 0 does, with the same move limits.
     */
    public int deepestFittingAngleDeg(double budgetS) {
        int best = 0;
        for (int angleDeg = 1; angleDeg <= Math.max(1, (int) Math.ceil(maxAngleDeg)); angleDeg++) {
            if (new ReturnDuration(downLimits, returnLimits, angleDeg).requiredBudgetS() <= budgetS) {
                best = angleDeg;
            }
        }
        return best;
    }
}
