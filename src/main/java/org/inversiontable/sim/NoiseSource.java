package org.inversiontable.sim;

/**
 * The Gaussian numbers of {@link java.util.Random} with the same seed, bit for bit, without its
 * thread safety: the linear congruential generator and the polar method exactly as Random's
 * documentation gives them. A Random pays an atomic compare-and-set per 32 bits and a lock per
 * Gaussian, which were a seventh of the simulation's time (SPEC §11: 10,000x real time); keeping
 * Random's sequence keeps every seeded run, trace and test of the simulated table as it was.
 *
 * <p>Not thread-safe: confined to the thread that steps the physics, as its table is.
 */
final class NoiseSource {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    /** The sequence of {@code new java.util.Random(seed)}. */
    NoiseSource(long seed) {
        this.seed = (seed ^ MULTIPLIER) & MASK;
    }

    /** The next value of {@link java.util.Random#nextGaussian()}: mean 0, standard deviation 1. */
    double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }

    private double nextDouble() {
        return (((long) next(26) << 27) + next(27)) * DOUBLE_UNIT;
    }

    private int next(int bits) {
        seed = (seed * MULTIPLIER + ADDEND) & MASK;
        return (int) (seed >>> (48 - bits));
    }
}
