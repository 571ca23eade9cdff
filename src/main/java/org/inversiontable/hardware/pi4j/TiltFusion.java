package org.inversiontable.hardware.pi4j;

/**
 * The inversion angle from the gyro's rate about the pivot and the accelerometer's angle: a
 * complementary filter with an integral term that learns the gyro's zero-rate offset, and the
 * cross-check between the two (SPEC §6). Pure arithmetic on values and the injected time, no I/O.
 *
 * <pre>{@code
 * TiltFusion fusion = new TiltFusion();
 * // per fresh sample:
 * TiltFusion.Verdict v = fusion.update(nowNanos, accelAngleDeg, rateDegPerS);
 * double angleDeg = v == Verdict.ACQUIRING ? accelAngleDeg : fusion.angleDeg();
 * }</pre>
 *
 * <p>Why these numbers. The accelerometer cannot tell gravity from the table's own acceleration:
 * a 0.2 g, 100 ms jolt along the bed tilts its angle by 11.3 deg for 0.1 s (1.13 deg s). The filter
 * lets that in through {@link #TIME_CONSTANT_S}: 1.13 / 2 = 0.57 deg of error at most, inside
 * the 1 deg of SPEC §3, while the gyro carries the real motion (at most 8 deg/s, jerk-limited)
 * without lag. The integral term (critically damped with the proportional one) absorbs what the
 * calibration left of the gyro's offset and its drift with temperature, so that a steady offset
 * never becomes a steady angle error.
 *
 * <p>Start: for {@link #ACQUIRE_NANOS} after the first sample (or a gap, or a re-initialised
 * chip), the angle is the accelerometer's as is, while the gyro is integrated beside it. Their
 * difference is then a straight line whatever the table did meanwhile (the integral carries the
 * motion, the offset makes the slope), so a line fitted to it gives the gyro's offset (minus its
 * slope) and the angle now (its end plus the integral): an uncalibrated chip (up to 20 deg/s off,
 * per the datasheet) starts right, even if the table moved during the start.
 *
 * <p>Cross-check: the innovation (accelerometer angle minus the gyro's prediction) is watched
 * twice: its signed mean over {@link #DISAGREE_SMOOTHING_S} (a gyro stuck or scaled wrong, an
 * accelerometer that shifted) and its mean size over {@link #NOISE_SMOOTHING_S} (an accelerometer
 * gone noisy). Beyond either bound the sample is {@link Verdict#DISAGREE}; the supervisor decides
 * how long that may last. A sample further off than {@link #OUTLIER_DEG} is no acceleration a
 * table with a person on it makes (0.36 g sideways): {@link Verdict#OUTLIER}, left out of the filter.
 *
 * <p>Not thread-safe: owned by the driver, used by the control thread only.
 */
final class TiltFusion {
    /** 1 / proportional gain: bounds a jolt's error to its area / 2 s (see the class comment). */
    static final double TIME_CONSTANT_S = 2.0;
    static final double PROPORTIONAL_GAIN_PER_S = 1.0 / TIME_CONSTANT_S;
    /** Critical damping with the proportional gain: kp^2 / 4. */
    static final double INTEGRAL_GAIN_PER_S2 = PROPORTIONAL_GAIN_PER_S * PROPORTIONAL_GAIN_PER_S / 4.0;
    /** Two seconds of samples fit the gyro offset to about 0.04 deg/s under 0.3 deg of noise. */
    static final long ACQUIRE_NANOS = 2_000_000_000L;
    /** A longer gap between samples (bus trouble, a stale chip) and the prediction is not trusted. */
    static final long MAX_GAP_NANOS = 100_000_000L;
    static final double OUTLIER_DEG = 20.0;
    static final double DISAGREE_DEG = 1.5;
    static final double DISAGREE_SMOOTHING_S = 0.1;
    static final double NOISE_DEG = 2.5;
    static final double NOISE_SMOOTHING_S = 0.3;

    /** What one sample did to the estimate. */
    enum Verdict {
        /** Still fitting the gyro's offset: use the accelerometer's angle as it is. */
        ACQUIRING,
        /** Fused; gyro and accelerometer agree. */
        AGREE,
        /** Fused; but gyro and accelerometer have drifted apart beyond a bound. */
        DISAGREE,
        /** The accelerometer's angle is too far off to be the table's: not used. */
        OUTLIER
    }

    private boolean acquiring = true;
    private long startNanos;
    private long lastNanos;
    private int n;
    private double sumT;
    private double sumTT;
    private double sumA;
    private double sumTA;
    private double gyroAngleDeg;

    private double angleDeg = Double.NaN;
    private double biasDegPerS;
    private double meanInnovationDeg;
    private double meanInnovationSizeDeg;

    /** Starts over: the next sample begins a new acquisition. */
    void restart() {
        acquiring = true;
        n = 0;
        angleDeg = Double.NaN;
    }

    Verdict update(long nowNanos, double accelAngleDeg, double rateDegPerS) {
        if ((!acquiring || n > 0) && nowNanos - lastNanos > MAX_GAP_NANOS) {
            restart();
        }
        if (acquiring) {
            return acquire(nowNanos, accelAngleDeg, rateDegPerS);
        }
        double dtS = (nowNanos - lastNanos) / 1e9;
        lastNanos = nowNanos;
        double predictedDeg = angleDeg + (rateDegPerS - biasDegPerS) * dtS;
        double innovationDeg = accelAngleDeg - predictedDeg;
        if (Math.abs(innovationDeg) > OUTLIER_DEG) {
            angleDeg = predictedDeg;
            return Verdict.OUTLIER;
        }
        angleDeg = predictedDeg + PROPORTIONAL_GAIN_PER_S * innovationDeg * dtS;
        biasDegPerS -= INTEGRAL_GAIN_PER_S2 * innovationDeg * dtS;
        meanInnovationDeg += (innovationDeg - meanInnovationDeg) * Math.min(1.0, dtS / DISAGREE_SMOOTHING_S);
        meanInnovationSizeDeg += (Math.abs(innovationDeg) - meanInnovationSizeDeg)
                * Math.min(1.0, dtS / NOISE_SMOOTHING_S);
        return Math.abs(meanInnovationDeg) > DISAGREE_DEG || meanInnovationSizeDeg > NOISE_DEG
                ? Verdict.DISAGREE : Verdict.AGREE;
    }

    private Verdict acquire(long nowNanos, double accelAngleDeg, double rateDegPerS) {
        if (n == 0) {
            startNanos = nowNanos;
            sumT = 0;
            sumTT = 0;
            sumA = 0;
            sumTA = 0;
            gyroAngleDeg = 0;
        } else {
            gyroAngleDeg += rateDegPerS * (nowNanos - lastNanos) / 1e9;
        }
        double t = (nowNanos - startNanos) / 1e9;
        double differenceDeg = accelAngleDeg - gyroAngleDeg;
        n++;
        sumT += t;
        sumTT += t * t;
        sumA += differenceDeg;
        sumTA += t * differenceDeg;
        lastNanos = nowNanos;
        if (nowNanos - startNanos < ACQUIRE_NANOS) {
            return Verdict.ACQUIRING;
        }
        // accel - integral(gyro) = angle at start - offset * t + noise
        double slopeDegPerS = (n * sumTA - sumT * sumA) / (n * sumTT - sumT * sumT);
        biasDegPerS = -slopeDegPerS;
        angleDeg = (sumA - slopeDegPerS * sumT) / n + slopeDegPerS * t + gyroAngleDeg;
        meanInnovationDeg = 0.0;
        meanInnovationSizeDeg = 0.0;
        acquiring = false;
        return Verdict.AGREE;
    }

    /** The fused angle; NaN while acquiring. */
    double angleDeg() {
        return angleDeg;
    }

    /** The gyro's zero-rate offset about the pivot as learnt so far (deg/s). */
    double biasDegPerS() {
        return biasDegPerS;
    }

    boolean acquiring() {
        return acquiring;
    }
}
