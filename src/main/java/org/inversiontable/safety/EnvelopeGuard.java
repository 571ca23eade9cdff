package org.inversiontable.safety;

/**
 * The angle envelope on the measured angle (SPEC §3): no drive toward inversion at or past the
 * angle limit, no drive toward upright below home. It follows the accepted samples with its own
 * light filter, independent of the controller's, and looks ahead by the distance the table
 * covers before a cut takes hold, so that the TRUE angle stays within 1 deg of the limit even
 * when the controller runs away (sensor noise and bias included).
 */
final class EnvelopeGuard {
    /** Filter weight of a new sample: enough averaging that 0.3 deg noise does not cut a planned approach. */
    private static final double SAMPLE_GAIN = 0.3;
    /** How far past the limit the filtered angle may read before the drive is cut (noise + bias allowance). */
    private static final double LIMIT_ALLOWANCE_DEG = 0.5;
    /** Time from a cut to a standstill, plus the filter's delay: the look-ahead of the cut. */
    private static final double LOOK_AHEAD_S = 0.06;
    /** Below home by this much, drive toward upright is refused (the mechanical stop is at -70). */
    private static final double BELOW_HOME_ALLOWANCE_DEG = 2.0;

    private double filteredDeg = Double.NaN;
    private double speedDegPerS;
    private long lastNanos = Long.MIN_VALUE;

    void observe(double sampleDeg, long nowNanos) {
        if (!Double.isFinite(sampleDeg)) {
            return;
        }
        if (Double.isNaN(filteredDeg)) {
            filteredDeg = sampleDeg;
        } else {
            double dtS = (nowNanos - lastNanos) / 1e9;
            double previous = filteredDeg;
            filteredDeg += SAMPLE_GAIN * (sampleDeg - filteredDeg);
            if (dtS > 0) {
                speedDegPerS += SAMPLE_GAIN * ((filteredDeg - previous) / dtS - speedDegPerS);
            }
        }
        lastNanos = nowNanos;
    }

    double angleDeg() {
        return filteredDeg;
    }

    /** True when a drive with this duty would push the table out of the envelope. */
    boolean refuses(double duty, double maxAngleDeg, double homeDeg) {
        if (Double.isNaN(filteredDeg)) {
            return false;
        }
        double ahead = filteredDeg + Math.max(0.0, speedDegPerS) * LOOK_AHEAD_S;
        if (duty > 0.0 && ahead >= maxAngleDeg + LIMIT_ALLOWANCE_DEG) {
            return true;
        }
        return duty < 0.0 && filteredDeg <= homeDeg - BELOW_HOME_ALLOWANCE_DEG;
    }
}
