package org.inversiontable.hil;

/**
 * Whether this run judges measured latencies or only reports them. Judged on a jig with physical
 * timing (a real Pi), unless {@code -Dhil.timing=report}; reported only on Pi4J's mocks (listeners
 * run synchronously, every latency is zero) and on an emulated Pi under TCG (not real-time).
 *
 * <p>The bounds are generous on purpose: they catch an e-stop that waits for a tick or a debounce
 * (10 ms and more), not the last hundred microseconds, which {@code bench} measures (SPEC §11).
 */
record TimingPolicy(boolean judged) {
    static final String PROPERTY = "hil.timing";
    /** E-stop edge to ENABLE low through gpiod's event thread, p99: well under a tick. */
    static final long ESTOP_TO_ENABLE_LOW_P99_NANOS = 5_000_000L;

    static TimingPolicy forJig(Jig jig) {
        return new TimingPolicy(jig.timingIsPhysical() && !"report".equals(System.getProperty(PROPERTY)));
    }

    String describe() {
        return judged ? "judged" : "reported only (-D" + PROPERTY + "=report, or a jig without physical timing)";
    }
}
