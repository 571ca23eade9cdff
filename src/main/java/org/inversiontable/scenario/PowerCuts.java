package org.inversiontable.scenario;

import java.util.List;

/**
 * The power cuts of a scenario ({@code power-off}, SPEC §9) as spans of its time axis, for the
 * figures that must leave them out: the run's length with the power on (the 7-day cap, the
 * trace's size), which counts ticks, not the jumps between them.
 * <pre>{@code
 * long tickedNanos = runNanos - PowerCuts.of(actions).offNanosUntil(runNanos);
 * }</pre>
 */
record PowerCuts(List<Cut> cuts) {
    /** The power goes off at {@code fromNanos} (after the tick there) and comes back at {@code backNanos}. */
    record Cut(long fromNanos, long backNanos) {
    }

    PowerCuts {
        cuts = List.copyOf(cuts);
    }

    static PowerCuts of(List<TimedAction> actions) {
        return new PowerCuts(actions.stream()
                .filter(a -> a.action() instanceof PowerOffAction)
                .map(a -> new Cut(a.atNanos(), a.atNanos() + ((PowerOffAction) a.action()).durationNanos()))
                .toList());
    }

    /** The time with the power off before {@code tNanos}; cuts that overlap count once. */
    long offNanosUntil(long tNanos) {
        long off = 0;
        long coveredUntil = Long.MIN_VALUE;
        for (Cut c : cuts.stream().sorted(java.util.Comparator.comparingLong(Cut::fromNanos)).toList()) {
            long from = Math.max(c.fromNanos(), coveredUntil);
            long to = Math.min(c.backNanos(), tNanos);
            if (to > from) {
                off += to - from;
            }
            coveredUntil = Math.max(coveredUntil, c.backNanos());
        }
        return off;
    }
}
