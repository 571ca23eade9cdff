package org.inversiontable.safety;

import java.util.Locale;

/**
 * SPEC §4: the table must not move while the H-bridge is disabled. A self-locking screw is
 * never back-driven, so once the drive is off the table stops within about 0.1 s; if it goes on
 * moving, something other than the controller drives the motor (a shorted bridge, a welded
 * relay contact, a failed screw). Software cannot stop that drive: the fault stops the
 * heartbeat and the external watchdog relay drops motor power ({@link FaultCode#cutsMotorPower()}).
 *
 * <pre>{@code
 * UncommandedMotionDetector uncommanded = new UncommandedMotionDetector();
 * // every tick, with the command on the wires during the last period and the supervisor's filtered angle:
 * Trip t = uncommanded.update(applied.enabled(), envelope.angleDeg(), envelope.filteredNoiseDeg(), now);
 * }</pre>
 *
 * <p><b>Why these thresholds.</b> It judges on the supervisor's filtered angle against the
 * filtered angle at the moment the drive was disabled. Before the table stops, the filtered angle
 * may still move by the coast of the screw (at most the speed times its 0.1 s stop: 1.0 deg at
 * 10.4 deg/s, 30 % over the speed cap; about 0.2 deg for the simulated screw's 0.02 s lag) plus
 * the filter's lag behind the true angle (0.24 deg at that speed): {@link #ALLOWANCE_DEG} covers
 * both. At rest, two filtered
 * angles differ by noise only (0.18 deg standard deviation at 0.3 deg of sensor noise): the
 * allowance is 8 of those, and widens to {@link #ALLOWANCE_SIGMAS} of them with a noisier
 * sensor rather than trip at random. A bias is constant and cancels. {@link #TICKS} ticks in a
 * row are needed, so a single filtered outlier never trips it.
 *
 * <p><b>Detection time</b> (measured in {@code UncommandedMotionDetectorTest}): a table
 * running away at 10 deg/s from the moment the drive is disabled is caught within 0.25 s; at
 * 2 deg/s within 1 s (20 seeds each, 0.3 deg noise). Only the loop thread uses it.
 */
final class UncommandedMotionDetector {
    /** Movement of the filtered angle after the drive is disabled that no stopping table explains. */
    static final double ALLOWANCE_DEG = 1.5;
    /** With a noisier sensor the allowance is never within this many sigmas of the noise of a difference. */
    static final double ALLOWANCE_SIGMAS = 8.0;
    /** ... seen on this many ticks in a row. */
    static final int TICKS = 3;

    private double referenceDeg = Double.NaN;
    private int beyond;

    /**
     * @param driveEnabled      the H-bridge enable line during the last period
     * @param filteredAngleDeg  the supervisor's filtered angle, NaN before the first sample
     * @param filteredNoiseDeg  the standard deviation of that filtered angle's noise
     * @return a trip when the table moves with the drive off, else null
     */
    Trip update(boolean driveEnabled, double filteredAngleDeg, double filteredNoiseDeg, long nowNanos) {
        if (driveEnabled || !Double.isFinite(filteredAngleDeg)) {
            // A drive that is commanded is judged by the motion-disagreement detectors and overspeed.
            reset();
            return null;
        }
        if (Double.isNaN(referenceDeg)) {
            referenceDeg = filteredAngleDeg;
            return null;
        }
        double movedDeg = filteredAngleDeg - referenceDeg;
        double allowanceDeg = Math.max(ALLOWANCE_DEG, ALLOWANCE_SIGMAS * Math.sqrt(2.0) * filteredNoiseDeg);
        beyond = Math.abs(movedDeg) > allowanceDeg ? beyond + 1 : 0;
        if (beyond >= TICKS) {
            return new Trip(FaultCode.MOTION_UNCOMMANDED, String.format(Locale.ROOT,
                    "the table moved %+.2f deg with the H-bridge disabled (allowed %.2f deg): the drive moves"
                            + " by itself; heartbeat stopped so the watchdog relay cuts motor power",
                    movedDeg, allowanceDeg));
        }
        return null;
    }

    /** Forgets the reference: the next disabled tick takes a new one. */
    void reset() {
        referenceDeg = Double.NaN;
        beyond = 0;
    }
}
