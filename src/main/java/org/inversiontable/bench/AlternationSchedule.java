package org.inversiontable.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the jitter bench runs its two loops (SPEC §11: one after the other,
 * alternating, for equal times after a warm-up): slices of equal length in the pattern A B B A,
 * repeated, so that a drift of the machine's load over the run (the other jobs on it) weighs on
 * both loops alike, which a plain A B A B would not do (A would always go first).
 *
 * <pre>{@code
 * for (AlternationSchedule.Slice s : AlternationSchedule.of(20_000_000_000L, 2_000_000_000L).slices()) {
 *     run(s.loop(), s.nanos());
 * }
 * }</pre>
 *
 * @param slices in order; each loop's slices add up to the same time
 */
public record AlternationSchedule(List<Slice> slices) {
    /** Which loop a slice runs. */
    public enum Loop { RUNTIME, BARE }

    public record Slice(Loop loop, long nanos) {
        public Slice {
            if (nanos <= 0) {
                throw new IllegalArgumentException("a slice must last > 0 ns, was " + nanos);
            }
        }
    }

    public AlternationSchedule {
        slices = List.copyOf(slices);
    }

    /**
     * {@code perLoopNanos} for each loop in slices of at most {@code sliceNanos}: an even number of
     * slices per loop (at least 2) of equal length, so that the A B B A pattern closes.
     */
    public static AlternationSchedule of(long perLoopNanos, long sliceNanos) {
        if (perLoopNanos <= 0 || sliceNanos <= 0) {
            throw new IllegalArgumentException("times must be > 0, were " + perLoopNanos + " and " + sliceNanos + " ns");
        }
        long perLoop = Math.max(2L, Math.ceilDiv(perLoopNanos, sliceNanos));
        if (perLoop % 2 != 0) {
            perLoop++;
        }
        long length = perLoopNanos / perLoop;
        List<Slice> slices = new ArrayList<>();
        for (long pair = 0; pair < perLoop / 2; pair++) {
            slices.add(new Slice(Loop.RUNTIME, length));
            slices.add(new Slice(Loop.BARE, length));
            slices.add(new Slice(Loop.BARE, length));
            slices.add(new Slice(Loop.RUNTIME, length));
        }
        return new AlternationSchedule(slices);
    }

    /** The time the slices give {@code loop} in all. */
    public long totalNanos(Loop loop) {
        return slices.stream().filter(s -> s.loop() == loop).mapToLong(Slice::nanos).sum();
    }
}
