package org.inversiontable.safety;

/**
 * The angle envelope on the measured angle (SPEC §3): no drive toward inversion at or past the
 * angle limit, no drive toward upright below home. It follows the accepted samples with its own
 * light filter, independent of the controller's, so that the TRUE angle stays within 1 deg of
 * the limit even when the controller runs away: the cut comes at most 0.5 deg past the limit on
 * the filtered angle, and the table covers about 0.3 deg more in the filter's delay and the
 * screw's stop (at 5 deg/s). No look-ahead on a speed: differentiated from noisy samples it cut
 * planned approaches to the limit by mistake.
 */
final class EnvelopeGuard {
    /** Filter weight of a new sample: enough averaging that 0.3 deg noise does not cut a planned approach. */
    private static final double SAMPLE_GAIN = 0.3;
    /** How far past the limit the filtered angle may read before the drive is cut (noise + bias allowance). */
    private static final double LIMIT_ALLOWANCE_DEG = 0.5;
    /** Below home by this much, drive toward upright is refused (the mechanical stop is at -70). */
    private static final double BELOW_HOME_ALLOWANCE_DEG = 2.0;

    private double filteredDeg = Double.NaN;

    void observe(double sampleDeg) {
        if (!Double.isFinite(sampleDeg)) {
            return;
        }
        filteredDeg = Double.isNaN(filteredDeg) ? sampleDeg : filteredDeg + SAMPLE_GAIN * (sampleDeg - filteredDeg);
    }

    double angleDeg() {
        return filteredDeg;
    }

    /** True when a drive with this duty would push the table out of the envelope. */
    boolean refuses(double duty, double maxAngleDeg, double homeDeg) {
        if (Double.isNaN(filteredDeg)) {
            return false;
        }
        if (duty > 0.0 && filteredDeg >= maxAngleDeg + LIMIT_ALLOWANCE_DEG) {
            return true;
        }
        return duty < 0.0 && filteredDeg <= homeDeg - BELOW_HOME_ALLOWANCE_DEG;
    }
}
