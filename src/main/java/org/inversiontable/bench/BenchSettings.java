package org.inversiontable.bench;

/**
 * How long {@code bench} measures. The defaults take under 2 minutes on a 2-core desktop;
 * {@link #QUICK} is a smoke run of a few seconds of each part.
 *
 * @param jitterSecondsPerLoop measured time of each loop in the jitter part (after the warm-up)
 * @param estopTrials          e-stop trials (each boots a fresh controller: about 0.15 s)
 * @param allocTicks           measured ticks of the allocation part, in simulated time
 * @param childJvms            whether to start fresh JVMs (simulation with the JVM's start, start-up)
 */
public record BenchSettings(int jitterSecondsPerLoop, int estopTrials, int allocTicks, boolean childJvms) {
    public static final int MAX_SECONDS = 3_600;
    public static final BenchSettings DEFAULT = new BenchSettings(15, 200, 12_000, true);
    public static final BenchSettings QUICK = new BenchSettings(1, 10, 2_000, true);

    public BenchSettings {
        if (jitterSecondsPerLoop < 1 || jitterSecondsPerLoop > MAX_SECONDS) {
            throw new IllegalArgumentException("--seconds must be within 1.." + MAX_SECONDS + ", was "
                    + jitterSecondsPerLoop);
        }
        if (estopTrials < 1 || allocTicks < 1) {
            throw new IllegalArgumentException("e-stop trials and allocation ticks must be >= 1");
        }
    }

    /** The default's proportions, scaled to {@code seconds} of jitter per loop. */
    public static BenchSettings forSeconds(int seconds) {
        int trials = (int) Math.max(10L, Math.min(100_000L, (long) seconds * DEFAULT.estopTrials / DEFAULT.jitterSecondsPerLoop));
        return new BenchSettings(seconds, trials, DEFAULT.allocTicks, true);
    }

    long warmUpNanos() {
        return Math.max(2L, jitterSecondsPerLoop / 4L) * 1_000_000_000L;
    }

    long sliceNanos() {
        return Math.min(2_000_000_000L, jitterSecondsPerLoop * 500_000_000L);
    }
}
