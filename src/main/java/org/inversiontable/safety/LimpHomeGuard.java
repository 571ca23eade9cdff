package org.inversiontable.safety;

/**
 * Bounds limp home (SPEC §6) when the angle cannot be trusted: the open-loop drive toward
 * upright may run only as long as the whole travel from the last trusted angle to home takes at
 * the limp speed, plus a margin; after that it is refused until a reset, so a broken sensor and
 * a held button cannot drive the actuator against its end stop forever.
 */
final class LimpHomeGuard {
    /**
     * The bound assumes the table may go as slowly as this (a heavy user, open loop, no learned
     * load): running out of time half-way would strand the user as surely as a dead drive.
     */
    private static final double SLOWEST_SPEED_DEG_S = 0.5;
    private static final double TRAVEL_MARGIN_S = 10.0;
    /** Whole mechanical range, used when no trusted angle was ever seen. */
    private static final double FULL_TRAVEL_DEG = 160.0;

    private final double homeDeg;
    private final double limpSpeedDegPerS;
    private long openLoopBudgetNanos = -1;
    private boolean started;
    private long previousNanos = Long.MIN_VALUE;

    LimpHomeGuard(double homeDeg, double limpSpeedDegPerS) {
        this.homeDeg = homeDeg;
        this.limpSpeedDegPerS = limpSpeedDegPerS;
    }

    /** Starts the bound from the last angle that was trusted (NaN when none). */
    void startOpenLoop(double lastTrustedAngleDeg) {
        double travelDeg = Double.isFinite(lastTrustedAngleDeg) ? Math.max(0.0, lastTrustedAngleDeg - homeDeg)
                : FULL_TRAVEL_DEG;
        double boundS = travelDeg / Math.min(SLOWEST_SPEED_DEG_S, limpSpeedDegPerS) + TRAVEL_MARGIN_S;
        openLoopBudgetNanos = (long) (boundS * 1e9);
        started = true;
        previousNanos = Long.MIN_VALUE;
    }

    /** Spends open-loop drive time; true while some of the bound is left. */
    boolean allowOpenLoop(boolean driving, long nowNanos) {
        if (!started) {
            return false;
        }
        if (driving && previousNanos != Long.MIN_VALUE) {
            openLoopBudgetNanos -= nowNanos - previousNanos;
        }
        previousNanos = driving ? nowNanos : Long.MIN_VALUE;
        return openLoopBudgetNanos > 0;
    }

    /** The bound is running (or has run out: a spent bound never starts again before a reset). */
    boolean started() {
        return started;
    }

    void reset() {
        openLoopBudgetNanos = -1;
        started = false;
        previousNanos = Long.MIN_VALUE;
    }

    double limpSpeedDegPerS() {
        return limpSpeedDegPerS;
    }
}
