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

    /**
     * Past the limit by this much on the filtered angle, the table is going deeper whatever the
     * duty says (a reversed drive): no drive at all. Noise alone never reaches it while the table
     * rests at the limit (7 sigma at 0.3 deg of noise).
     */
    private static final double HARD_ALLOWANCE_DEG = 0.9;
    /** The hard allowance is never within this many sigmas of the filtered angle's noise. */
    private static final double HARD_ALLOWANCE_SIGMAS = 5.0;
    /** Weight of a new residual in the noise estimate (about 100 samples). */
    private static final double NOISE_GAIN = 0.01;
    /** Filtered noise per raw noise for this filter: sqrt(g / (2 - g)). */
    private static final double FILTERED_PER_RAW = Math.sqrt(SAMPLE_GAIN / (2.0 - SAMPLE_GAIN));
    /** Residual variance per raw variance for this filter: 1 + g / (2 - g). */
    private static final double RESIDUAL_PER_RAW_VARIANCE = 1.0 + SAMPLE_GAIN / (2.0 - SAMPLE_GAIN);

    /** The angle limit of the session in force (SPEC §13: a profile's level may lower it between sessions). */
    private double maxAngleDeg;
    private final double homeDeg;
    private double filteredDeg = Double.NaN;
    /** Running mean square of sample minus filtered angle: the sensor's noise, as seen here. */
    private double residualVarianceDeg2;

    EnvelopeGuard(double maxAngleDeg, double homeDeg) {
        this.maxAngleDeg = maxAngleDeg;
        this.homeDeg = homeDeg;
    }

    /** A new angle limit, from the next session on; the supervisor only lowers its configured one. */
    void limitTo(double newMaxAngleDeg) {
        maxAngleDeg = newMaxAngleDeg;
    }

    void observe(double sampleDeg) {
        if (!Double.isFinite(sampleDeg)) {
            return;
        }
        if (Double.isNaN(filteredDeg)) {
            filteredDeg = sampleDeg;
            return;
        }
        double residual = sampleDeg - filteredDeg;
        residualVarianceDeg2 += NOISE_GAIN * (residual * residual - residualVarianceDeg2);
        filteredDeg += SAMPLE_GAIN * residual;
    }

    /** Standard deviation of the sensor's noise, from what it has shown. */
    double rawNoiseDeg() {
        return Math.sqrt(residualVarianceDeg2 / RESIDUAL_PER_RAW_VARIANCE);
    }

    /** Standard deviation of the filtered angle's noise. */
    double filteredNoiseDeg() {
        return rawNoiseDeg() * FILTERED_PER_RAW;
    }

    /**
     * Past the limit by more than any drive toward upright explains: the table is going deeper.
     * With a noisier sensor than specified the allowance widens rather than cut at random.
     */
    boolean pastHardLimit() {
        double allowance = Math.max(HARD_ALLOWANCE_DEG, HARD_ALLOWANCE_SIGMAS * filteredNoiseDeg());
        return filteredDeg >= maxAngleDeg + allowance;
    }

    double angleDeg() {
        return filteredDeg;
    }

    /** True when a drive with this duty would push the table out of the envelope. */
    boolean refuses(double duty) {
        if (Double.isNaN(filteredDeg)) {
            return false;
        }
        if (duty > 0.0 && filteredDeg >= maxAngleDeg + LIMIT_ALLOWANCE_DEG || duty != 0.0 && pastHardLimit()) {
            return true;
        }
        return duty < 0.0 && filteredDeg <= homeDeg - BELOW_HOME_ALLOWANCE_DEG;
    }
}
