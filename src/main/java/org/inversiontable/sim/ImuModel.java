package org.inversiontable.sim;

/**
 * The simulated IMU's sampling and faults, owned by {@link SimulatedTable}, which calls
 * {@link #advanceTo} once per step with the true angle at the end of the step.
 *
 * <p>Every produced sample draws exactly two Gaussians from the shared random source, whatever the
 * faults, so injecting NOISE or SPIKE does not shift the random stream of the rest of the run. The
 * gyro's noise comes from a source of its own, so adding the gyro left the rest of every run as
 * it was.
 *
 * <p>The gyro measures the true rate of the angle over the last step (what integrating it gives
 * back), plus its offset and noise; jolts add an acceleration along the bed for their duration.
 * STUCK freezes the whole sample, gyro included, as a chip whose registers stopped would.
 */
final class ImuModel {
    private static final long GYRO_SEED = 0x6A09E667F3BCC908L;

    private final TableParameters params;
    private final NoiseSource random;

    private long timeNanos;
    private long sequence;
    private boolean newSampleInLastStep;
    private long sampleTimeNanos;
    private double angleDeg;
    private double gravityG;
    private double rateDegPerS;
    private double alongG;
    private final NoiseSource gyroRandom;
    private long previousTimeNanos;
    private double previousTrueAngleDeg;

    private boolean stale;
    private boolean disconnected;
    private boolean stuck;
    private double extraNoiseDeg;
    private double pendingSpikeDeg;

    ImuModel(TableParameters params, NoiseSource random, double initialTrueAngleDeg) {
        this.params = params;
        this.random = random;
        this.gyroRandom = new NoiseSource(GYRO_SEED ^ Double.doubleToLongBits(initialTrueAngleDeg));
        this.previousTrueAngleDeg = initialTrueAngleDeg;
        produceSample(0L, initialTrueAngleDeg, 0.0);
        newSampleInLastStep = true;
    }

    /** Produces the samples whose instants (multiples of the period) fall in (previous time, newTime]. */
    void advanceTo(long newTimeNanos, double trueAngleDeg) {
        long period = params.imuSamplePeriodNanos();
        long instants = Math.floorDiv(newTimeNanos, period) - Math.floorDiv(timeNanos, period);
        double trueRateDegPerS = newTimeNanos > previousTimeNanos
                ? (trueAngleDeg - previousTrueAngleDeg) / ((newTimeNanos - previousTimeNanos) / 1e9) : 0.0;
        previousTimeNanos = newTimeNanos;
        previousTrueAngleDeg = trueAngleDeg;
        timeNanos = newTimeNanos;
        newSampleInLastStep = false;
        if (stale) {
            return;
        }
        long firstInstant = (Math.floorDiv(newTimeNanos, period) - instants + 1) * period;
        for (long i = 0; i < instants; i++) {
            produceSample(firstInstant + i * period, trueAngleDeg, trueRateDegPerS);
            newSampleInLastStep = true;
        }
    }

    /**
     * The chip powers up again at {@code newTimeNanos} after a cut in which it took no samples:
     * one sample at the last sampling instant, its rate 0 (the bed has come to rest), and the
     * rate of the next step measured from here, never across the cut. Injected faults stay: they
     * stand for the chip and its wiring, which a power cut does not mend.
     */
    void powerUpAt(long newTimeNanos, double trueAngleDeg) {
        previousTimeNanos = newTimeNanos;
        previousTrueAngleDeg = trueAngleDeg;
        timeNanos = newTimeNanos;
        newSampleInLastStep = false;
        if (stale) {
            return;
        }
        long period = params.imuSamplePeriodNanos();
        produceSample(Math.floorDiv(newTimeNanos, period) * period, trueAngleDeg, 0.0);
        newSampleInLastStep = true;
    }

    private void produceSample(long atNanos, double trueAngleDeg, double trueRateDegPerS) {
        double noiseSigmaDeg = Math.hypot(params.imuNoiseDeg(), extraNoiseDeg);
        double angleNoise = random.nextGaussian() * noiseSigmaDeg;
        double gravityNoise = random.nextGaussian() * params.imuGravityNoiseG();
        double rateNoise = params.imuGyroNoiseDegPerS() > 0.0
                ? gyroRandom.nextGaussian() * params.imuGyroNoiseDegPerS() : 0.0;
        sequence++;
        sampleTimeNanos = atNanos;
        if (stuck) {
            return;
        }
        angleDeg = trueAngleDeg + params.imuBiasDeg() + angleNoise + pendingSpikeDeg;
        gravityG = 1.0 + gravityNoise;
        rateDegPerS = trueRateDegPerS + params.imuGyroBiasDegPerS() + rateNoise;
        alongG = joltAt(atNanos);
        pendingSpikeDeg = 0.0;
    }

    private double joltAt(long atNanos) {
        if (params.imuJoltG() == 0.0) {
            return 0.0;
        }
        long intervalNanos = Math.round(params.imuJoltIntervalS() * 1e9);
        long sinceStartNanos = atNanos - intervalNanos;
        if (sinceStartNanos < 0) {
            return 0.0;
        }
        return sinceStartNanos % intervalNanos < Math.round(params.imuJoltDurationS() * 1e9) ? params.imuJoltG() : 0.0;
    }

    long sequence() {
        return sequence;
    }

    boolean connected() {
        return !disconnected;
    }

    double angleDeg() {
        return angleDeg;
    }

    double gravityG() {
        return gravityG;
    }

    double rateDegPerS() {
        return rateDegPerS;
    }

    double alongG() {
        return alongG;
    }

    ImuOutput output() {
        if (disconnected) {
            return new ImuOutput(false, false, sequence, sampleTimeNanos, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        return new ImuOutput(true, newSampleInLastStep, sequence, sampleTimeNanos, angleDeg, gravityG, rateDegPerS,
                alongG);
    }

    void inject(ImuFault fault, double param) {
        switch (fault) {
            case STALE -> stale = true;
            case DISCONNECT -> disconnected = true;
            case STUCK -> stuck = true;
            case NOISE -> {
                if (!Double.isFinite(param) || param < 0.0) {
                    throw new IllegalArgumentException("IMU noise sigma must be a finite deg >= 0, was " + param);
                }
                extraNoiseDeg = param;
            }
            case SPIKE -> {
                if (!Double.isFinite(param)) {
                    throw new IllegalArgumentException("IMU spike must be a finite deg, was " + param);
                }
                pendingSpikeDeg = param;
            }
        }
    }

    void clear() {
        stale = false;
        disconnected = false;
        stuck = false;
        extraNoiseDeg = 0.0;
        pendingSpikeDeg = 0.0;
    }
}
