package org.inversiontable.safety;

import java.util.Locale;

/**
 * SPEC §6 overspeed: the supervisor's own measure of the true speed exceeds {@code v_max_deg_s}
 * by more than 30 % for 0.3 s. It does not trust the controller's profile to keep the speed
 * limit (a profile bug, a wrong actuator setting, a runaway drive that the command happens to
 * agree with); the fault stops the heartbeat so that the external relay drops motor power
 * ({@link FaultCode#cutsMotorPower()}).
 *
 * <pre>{@code
 * OverspeedDetector overspeed = new OverspeedDetector(settings.downLimits().vMaxDegPerS(), periodNanos);
 * // every tick, with the accepted sample (NaN when none) and the sensor noise the supervisor sees:
 * Trip t = overspeed.update(sample.acceptedAngleDeg(), envelope.rawNoiseDeg(), now);
 * }</pre>
 *
 * <p><b>How speed is measured.</b> The slope of a least-squares line through the accepted
 * samples of a sliding window: a weighted mean of the true speed with positive weights, so it
 * never reads above the fastest true speed in the window, and it has no lag beyond the window.
 * Its noise is {@code noise * sqrt(12 * period / window^3)}; at 0.3 deg and 100 Hz that is
 * 0.22 deg/s over 0.65 s but 0.02 deg/s over 3 s. A table within SPEC §5's tolerance (+10 %) must
 * never trip it, so the window is the shortest (at least {@link #MIN_WINDOW_NANOS}) whose noise
 * is {@link #NOISE_SIGMAS} sigmas inside the gap between +10 % and +30 %: 0.65 s at the default
 * 5 deg/s, 3.0 s at the lowest allowed 0.5 deg/s. The noise is the larger of the sensor's
 * specified noise and what the supervisor measures; past {@link #MAX_WINDOW_NANOS} the threshold
 * rises instead, so a noisier sensor than specified never trips it at random.
 *
 * <p><b>Detection time</b> (measured in {@code OverspeedDetectorTest}): window/2 or less to
 * see a step in speed, plus the 0.3 s the SPEC asks for. Only the loop thread uses it.
 */
public final class OverspeedDetector {
    /** SPEC §6: more than 30 % over {@code v_max_deg_s} ... */
    static final double OVER_FRACTION = 0.30;
    /** ... for 0.3 s. */
    static final long PERSIST_NANOS = 300_000_000L;
    /** SPEC §5 lets the true speed exceed the limit by 10 % (1 s windows): that must never trip. */
    static final double TOLERATED_FRACTION = 0.10;
    /** The noise the angle sensor is specified with (SPEC §6's 1 deg error budget; the simulated MPU-6050). */
    static final double SPECIFIED_NOISE_DEG = 0.3;
    /** The speed measure's noise fits this many times into the gap between +10 % and +30 %. */
    static final double NOISE_SIGMAS = 5.0;
    static final long MIN_WINDOW_NANOS = 300_000_000L;
    static final long MAX_WINDOW_NANOS = 4_000_000_000L;
    /** A window with fewer accepted samples than this fraction of its ticks is not judged. */
    static final double MIN_FILL = 0.5;


    /** The speed limit of the session in force (a profile may lower it between sessions, SPEC §13). */
    private double vMaxDegPerS;
    private final long periodNanos;
    private final AngleHistory samples;
    private long overSinceNanos = Long.MIN_VALUE;

    /**
     * @param vMaxDegPerS the configured {@code v_max_deg_s}: no move, return or limp home is faster
     * @param periodNanos the control period (the samples' spacing)
     */
    /** Judges against a new speed limit from now on (between sessions, when a profile changes). */
    public void limitTo(double newVMaxDegPerS) {
        if (!(newVMaxDegPerS > 0.0)) {
            throw new IllegalArgumentException("vMaxDegPerS must be > 0, was " + newVMaxDegPerS);
        }
        vMaxDegPerS = newVMaxDegPerS;
    }

    public OverspeedDetector(double vMaxDegPerS, long periodNanos) {
        if (!(vMaxDegPerS > 0.0) || !Double.isFinite(vMaxDegPerS)) {
            throw new IllegalArgumentException("vMaxDegPerS must be a finite number > 0, was " + vMaxDegPerS);
        }
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos must be > 0, was " + periodNanos);
        }
        this.vMaxDegPerS = vMaxDegPerS;
        this.periodNanos = periodNanos;
        this.samples = new AngleHistory(MAX_WINDOW_NANOS, periodNanos);
    }

    /**
     * @param angleDeg    this tick's accepted sample, NaN when none
     * @param rawNoiseDeg the sensor noise the supervisor measures (standard deviation, deg)
     * @return a trip once the measured speed has been over the limit for 0.3 s, else null
     */
    public Trip update(double angleDeg, double rawNoiseDeg, long nowNanos) {
        if (Double.isFinite(angleDeg)) {
            samples.add(nowNanos, angleDeg);
        }
        samples.forgetBefore(nowNanos - MAX_WINDOW_NANOS, false);
        double noiseDeg = Math.max(SPECIFIED_NOISE_DEG, Double.isFinite(rawNoiseDeg) ? rawNoiseDeg : 0.0);
        long windowNanos = windowNanos(noiseDeg);
        double thresholdDegPerS = thresholdDegPerS(noiseDeg, windowNanos);
        // A window with fewer accepted samples than MIN_FILL of its ticks is not judged.
        double speedDegPerS = Math.abs(samples.slopeDegPerS(nowNanos, windowNanos, false,
                Math.max(3, MIN_FILL * windowNanos / periodNanos)));
        if (!(speedDegPerS > thresholdDegPerS)) {
            overSinceNanos = Long.MIN_VALUE;
            return null;
        }
        if (overSinceNanos == Long.MIN_VALUE) {
            overSinceNanos = nowNanos;
        }
        if (nowNanos - overSinceNanos >= PERSIST_NANOS) {
            return new Trip(FaultCode.OVERSPEED, String.format(Locale.ROOT,
                    "measured %.2f deg/s over the last %.2f s, above %.2f deg/s (v_max_deg_s %.2f + 30 %%) for %.1f s:"
                            + " heartbeat stopped so the watchdog relay cuts motor power",
                    speedDegPerS, windowNanos / 1e9, thresholdDegPerS, vMaxDegPerS, PERSIST_NANOS / 1e9));
        }
        return null;
    }

    /** Forgets every sample, e.g. after a reset or while the IMU is in doubt. */
    public void reset() {
        samples.clear();
        overSinceNanos = Long.MIN_VALUE;
    }

    /** The shortest window whose speed noise fits {@link #NOISE_SIGMAS} times into the +10..+30 % gap. */
    long windowNanos(double noiseDeg) {
        double gapDegPerS = (OVER_FRACTION - TOLERATED_FRACTION) * vMaxDegPerS;
        double ratio = NOISE_SIGMAS * noiseDeg / gapDegPerS;
        double windowS = Math.cbrt(12.0 * periodNanos / 1e9 * ratio * ratio);
        long nanos = (long) Math.ceil(windowS * 1e9);
        return Math.max(MIN_WINDOW_NANOS, Math.min(MAX_WINDOW_NANOS, nanos));
    }

    /** 30 % over the limit, or higher where the window could not be made long enough for the noise. */
    double thresholdDegPerS(double noiseDeg, long windowNanos) {
        double windowS = windowNanos / 1e9;
        double speedNoiseDegPerS = noiseDeg * Math.sqrt(12.0 * periodNanos / 1e9 / (windowS * windowS * windowS));
        return Math.max((1.0 + OVER_FRACTION) * vMaxDegPerS,
                (1.0 + TOLERATED_FRACTION) * vMaxDegPerS + NOISE_SIGMAS * speedNoiseDegPerS);
    }
}
