package org.inversiontable.safety;

import java.util.Locale;
import org.inversiontable.hardware.TiltReading;

/**
 * Decides, per tick, whether the tilt reading may be believed (SPEC §6): a stale sensor, a
 * non-finite, out-of-range or gravity-implausible sample, or one that jumps faster than the
 * table can move is bad. A single bad sample is dropped (the tick has no angle; it is never
 * replaced by the last good value, which would hide a moving table behind a frozen number);
 * three bad samples in a row trip the fault of the third one's kind.
 *
 * <p>The driver fuses the gyro with the accelerometer and says per sample whether they agree
 * ({@link TiltReading.Status}): an accelerometer sample far outside what the gyro allows is a bad
 * sample of the {@code imu_jump} kind; samples that keep disagreeing for
 * {@link #DISAGREE_FOR_NANOS} latch {@code imu_disagree} (SPEC §6: the gyro cross-checked against
 * the accelerometer), so neither a stuck gyro nor a shifted accelerometer can steer the table for long.
 *
 * <pre>{@code
 * ImuPlausibility imu = new ImuPlausibility(clock.nanoTime());
 * // every tick:
 * ImuCheck c = imu.check(tiltSensor.read(), now);
 * if (c.tripped()) latch.trip(c.trip(), now);
 * double angleDeg = c.acceptedAngleDeg();   // NaN: no angle this tick
 * }</pre>
 */
public final class ImuPlausibility {
    /** SPEC §6: no accepted sample for longer than this is IMU_STALE. */
    public static final long STALE_AFTER_NANOS = 100_000_000L;
    /** Mechanical range -70..+90 (SPEC §2) with 5 deg for mounting tolerance and noise. */
    public static final double MIN_PLAUSIBLE_ANGLE_DEG = -75.0;
    public static final double MAX_PLAUSIBLE_ANGLE_DEG = 95.0;
    /** SPEC §6: at rest the accelerometer measures 1 g; far from it, the angle is not gravity's. */
    public static final double MIN_GRAVITY_G = 0.8;
    public static final double MAX_GRAVITY_G = 1.2;
    public static final int BAD_SAMPLES_TO_FAULT = 3;
    /** The table cannot move faster than about 10 deg/s; 30 leaves room for vibration. */
    public static final double DEFAULT_MAX_RATE_DEG_PER_S = 30.0;
    public static final double DEFAULT_NOISE_ALLOWANCE_DEG = 3.0;
    /**
     * How long gyro and accelerometer may disagree before it is a fault: longer than the
     * disagreement a 0.2 g, 100 ms jolt leaves behind (about 0.26 s), short enough that a gyro
     * stuck during a 5 deg/s move is caught within about a second.
     */
    public static final long DISAGREE_FOR_NANOS = 350_000_000L;

    private final double maxRateDegPerS;
    private final double noiseAllowanceDeg;

    private long lastAcceptedNanos;
    private double lastAcceptedAngleDeg = Double.NaN;
    private long lastNowNanos;
    private int consecutiveBad;
    private boolean faulted;
    /** When the current run of disagreeing samples began; -1 while they agree. */
    private long disagreeingSinceNanos = -1;
    /** The check of an accepted sample, refilled with each (SPEC §11): valid until the next check. */
    private final ImuCheck acceptedCheck = ImuCheck.accepted(Double.NaN);

    public ImuPlausibility(long startNanos) {
        this(startNanos, DEFAULT_MAX_RATE_DEG_PER_S, DEFAULT_NOISE_ALLOWANCE_DEG);
    }

    public ImuPlausibility(long startNanos, double maxRateDegPerS, double noiseAllowanceDeg) {
        if (!(maxRateDegPerS > 0) || !Double.isFinite(maxRateDegPerS)) {
            throw new IllegalArgumentException("maxRateDegPerS must be a finite number > 0, was " + maxRateDegPerS);
        }
        if (!(noiseAllowanceDeg >= 0) || !Double.isFinite(noiseAllowanceDeg)) {
            throw new IllegalArgumentException("noiseAllowanceDeg must be a finite number >= 0, was "
                    + noiseAllowanceDeg);
        }
        this.maxRateDegPerS = maxRateDegPerS;
        this.noiseAllowanceDeg = noiseAllowanceDeg;
        restart(startNanos);
    }

    /**
     * Forgets everything, as at construction: after a fault reset the first sample is judged
     * afresh and staleness counts from {@code nowNanos}.
     */
    public void restart(long nowNanos) {
        lastAcceptedNanos = nowNanos;
        lastNowNanos = nowNanos;
        lastAcceptedAngleDeg = Double.NaN;
        consecutiveBad = 0;
        faulted = false;
        disagreeingSinceNanos = -1;
    }

    public ImuCheck check(TiltReading reading, long nowNanos) {
        Monotonic.require(lastNowNanos, nowNanos, "ImuPlausibility");
        lastNowNanos = nowNanos;
        String badness = null;
        FaultCode badKind = null;
        if (reading.status() == TiltReading.Status.OUTLIER) {
            badKind = FaultCode.IMU_JUMP;
            badness = "IMU accelerometer angle left the gyro-tracked angle by more than a real acceleration explains";
        } else if (reading.isFresh()) {
            badKind = classify(reading, nowNanos);
            if (badKind == null) {
                consecutiveBad = 0;
                lastAcceptedAngleDeg = reading.angleDeg();
                lastAcceptedNanos = nowNanos;
                ImuCheck disagree = disagreement(reading, nowNanos);
                return disagree != null ? disagree : acceptedCheck.accept(reading.angleDeg());
            }
            badness = describe(badKind, reading, nowNanos);
        }
        if (badKind != null) {
            consecutiveBad++;
            if (consecutiveBad >= BAD_SAMPLES_TO_FAULT) {
                faulted = true;
                return ImuCheck.tripped(badKind, badness + " (" + consecutiveBad + " bad samples in a row)");
            }
        }
        // Counted from the last accepted sample: a sensor that only sends bad samples leaves the
        // supervisor just as blind as one that sends none.
        long ageNanos = nowNanos - lastAcceptedNanos;
        if (ageNanos > STALE_AFTER_NANOS) {
            faulted = true;
            return ImuCheck.tripped(FaultCode.IMU_STALE, String.format(Locale.ROOT,
                    "no accepted IMU sample for %.1f ms (limit %d ms)%s", ageNanos / 1e6,
                    STALE_AFTER_NANOS / 1_000_000, reading.status() == TiltReading.Status.BUS_ERROR
                            ? ", bus error" : ""));
        }
        return badness == null ? ImuCheck.NO_SAMPLE : ImuCheck.rejected(badness);
    }

    private ImuCheck disagreement(TiltReading reading, long nowNanos) {
        if (reading.status() != TiltReading.Status.DISAGREEING) {
            disagreeingSinceNanos = -1;
            return null;
        }
        if (disagreeingSinceNanos < 0) {
            disagreeingSinceNanos = nowNanos;
        }
        long forNanos = nowNanos - disagreeingSinceNanos;
        if (forNanos < DISAGREE_FOR_NANOS) {
            return null;
        }
        faulted = true;
        return ImuCheck.tripped(FaultCode.IMU_DISAGREE, String.format(Locale.ROOT,
                "IMU gyro and accelerometer disagreed for %.0f ms (limit %d ms) at %.2f deg", forNanos / 1e6,
                DISAGREE_FOR_NANOS / 1_000_000, reading.angleDeg()));
    }

    private FaultCode classify(TiltReading r, long nowNanos) {
        if (!Double.isFinite(r.angleDeg()) || !Double.isFinite(r.gravityG())) {
            return FaultCode.IMU_NON_FINITE;
        }
        if (r.angleDeg() < MIN_PLAUSIBLE_ANGLE_DEG || r.angleDeg() > MAX_PLAUSIBLE_ANGLE_DEG) {
            return FaultCode.IMU_OUT_OF_RANGE;
        }
        if (r.gravityG() < MIN_GRAVITY_G || r.gravityG() > MAX_GRAVITY_G) {
            return FaultCode.IMU_GRAVITY;
        }
        if (!Double.isNaN(lastAcceptedAngleDeg)
                && Math.abs(r.angleDeg() - lastAcceptedAngleDeg) > jumpAllowanceDeg(nowNanos)) {
            return FaultCode.IMU_JUMP;
        }
        return null;
    }

    /** Grows with the time since the last accepted sample, so that rejections cannot lock it out. */
    private double jumpAllowanceDeg(long nowNanos) {
        return maxRateDegPerS * (nowNanos - lastAcceptedNanos) / 1e9 + noiseAllowanceDeg;
    }

    private String describe(FaultCode kind, TiltReading r, long nowNanos) {
        return switch (kind) {
            case IMU_NON_FINITE -> "IMU sample not finite: angle " + r.angleDeg() + " deg, gravity " + r.gravityG() + " g";
            case IMU_OUT_OF_RANGE -> String.format(Locale.ROOT, "IMU angle %.2f deg outside %.0f..%.0f deg",
                    r.angleDeg(), MIN_PLAUSIBLE_ANGLE_DEG, MAX_PLAUSIBLE_ANGLE_DEG);
            case IMU_GRAVITY -> String.format(Locale.ROOT, "IMU gravity %.3f g outside %.1f..%.1f g",
                    r.gravityG(), MIN_GRAVITY_G, MAX_GRAVITY_G);
            case IMU_JUMP -> String.format(Locale.ROOT,
                    "IMU angle jumped from %.2f to %.2f deg in %.1f ms (allowed %.2f deg)", lastAcceptedAngleDeg,
                    r.angleDeg(), (nowNanos - lastAcceptedNanos) / 1e6, jumpAllowanceDeg(nowNanos));
            default -> throw new IllegalStateException("not a sample fault: " + kind);
        };
    }

    /** The last accepted angle, NaN before the first; for display and limp home, never as this tick's angle. */
    public double lastAcceptedAngleDeg() {
        return lastAcceptedAngleDeg;
    }

    /**
     * True once a sample has been accepted and no IMU fault has tripped since construction or
     * {@link #restart}. After an IMU fault the angle stays untrusted (limp home runs open-loop,
     * SPEC §6) even if good samples come back: a sensor that failed once is not believed until
     * a person has reset the fault.
     */
    public boolean angleTrusted() {
        return !faulted && !Double.isNaN(lastAcceptedAngleDeg);
    }
}
