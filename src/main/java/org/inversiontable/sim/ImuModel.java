package org.inversiontable.sim;

import java.util.Random;

/**
 * The simulated IMU's sampling and faults, owned by {@link SimulatedTable}, which calls
 * {@link #advanceTo} once per step with the true angle at the end of the step.
 *
 * <p>Every produced sample draws exactly two Gaussians from the shared random source, whatever the
 * faults, so injecting NOISE or SPIKE does not shift the random stream of the rest of the run.
 */
final class ImuModel {
    private final TableParameters params;
    private final Random random;

    private long timeNanos;
    private long sequence;
    private boolean newSampleInLastStep;
    private long sampleTimeNanos;
    private double angleDeg;
    private double gravityG;

    private boolean stale;
    private boolean disconnected;
    private boolean stuck;
    private double extraNoiseDeg;
    private double pendingSpikeDeg;

    ImuModel(TableParameters params, Random random, double initialTrueAngleDeg) {
        this.params = params;
        this.random = random;
        produceSample(0L, initialTrueAngleDeg);
        newSampleInLastStep = true;
    }

    /** Produces the samples whose instants (multiples of the period) fall in (previous time, newTime]. */
    void advanceTo(long newTimeNanos, double trueAngleDeg) {
        long period = params.imuSamplePeriodNanos();
        long instants = Math.floorDiv(newTimeNanos, period) - Math.floorDiv(timeNanos, period);
        timeNanos = newTimeNanos;
        newSampleInLastStep = false;
        if (stale) {
            return;
        }
        long firstInstant = (Math.floorDiv(newTimeNanos, period) - instants + 1) * period;
        for (long i = 0; i < instants; i++) {
            produceSample(firstInstant + i * period, trueAngleDeg);
            newSampleInLastStep = true;
        }
    }

    private void produceSample(long atNanos, double trueAngleDeg) {
        double noiseSigmaDeg = Math.hypot(params.imuNoiseDeg(), extraNoiseDeg);
        double angleNoise = random.nextGaussian() * noiseSigmaDeg;
        double gravityNoise = random.nextGaussian() * params.imuGravityNoiseG();
        sequence++;
        sampleTimeNanos = atNanos;
        if (stuck) {
            return;
        }
        angleDeg = trueAngleDeg + params.imuBiasDeg() + angleNoise + pendingSpikeDeg;
        gravityG = 1.0 + gravityNoise;
        pendingSpikeDeg = 0.0;
    }

    ImuOutput output() {
        if (disconnected) {
            return new ImuOutput(false, false, sequence, sampleTimeNanos, Double.NaN, Double.NaN);
        }
        return new ImuOutput(true, newSampleInLastStep, sequence, sampleTimeNanos, angleDeg, gravityG);
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
