package org.inversiontable.safety;

/** The one time check every detector shares: the injected clock is monotonic by contract. */
final class Monotonic {
    private Monotonic() {
    }

    /**
     * A clock running backwards would let a detector measure a negative interval and miss a
     * fault, so it is a programming error, reported where it happens.
     */
    static void require(long previousNanos, long nowNanos, String who) {
        if (nowNanos < previousNanos) {
            throw new IllegalArgumentException(who + ": time ran backwards from " + previousNanos + " ns to "
                    + nowNanos + " ns; the clock must be monotonic");
        }
    }
}
