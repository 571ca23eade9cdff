package org.inversiontable.runtime;

import org.inversiontable.time.Clock;

/**
 * A declared slow-down of all of the table's time, for an emulated Raspberry Pi only
 * (hardware/emulated-pi): under software emulation the guest runs many times slower than a Pi, and
 * a 10 ms loop would latch {@code loop_overrun} and {@code imu_stale} for the emulator's sake, not
 * the controller's. With factor K the table's clock runs K times slower than the machine's and
 * every wait lasts K times longer, so the period, every timeout, debounce, hold time and detector's
 * window stretch alike: they are all measured on the one clock and waited for with the one parker.
 * Nothing is tuned per detector, so the logic under test is the logic that runs on a Pi.
 *
 * <pre>{@code
 * TimeScale scale = TimeScale.of(4);
 * Clock clock = scale.clock(new SystemClock());     // 40 ms of the machine's time per 10 ms tick
 * Parker parker = scale.parker(Parker.SYSTEM);
 * }</pre>
 *
 * <p>{@code run} refuses any factor but 1 on a real Raspberry Pi (a person may be on that table).
 *
 * @param factor how many times slower the table's time runs, 1..{@link #MAX_FACTOR}
 */
public record TimeScale(int factor) {
    public static final TimeScale REAL = new TimeScale(1);
    /** Past this, a scaled 100 ms IMU timeout is a 2 s pause: nothing under test would be fast any more. */
    public static final int MAX_FACTOR = 20;

    public TimeScale {
        if (factor < 1 || factor > MAX_FACTOR) {
            throw new IllegalArgumentException("the time scale must be 1.." + MAX_FACTOR + ", was " + factor);
        }
    }

    public static TimeScale of(int factor) {
        return factor == 1 ? REAL : new TimeScale(factor);
    }

    public boolean isReal() {
        return factor == 1;
    }

    /** The table's clock on {@code machine}'s: K times slower (monotonic, as the machine's is). */
    public Clock clock(Clock machine) {
        if (isReal()) {
            return machine;
        }
        int k = factor;
        return () -> machine.nanoTime() / k;
    }

    /** Waits K times longer than asked, on {@code machine}'s parker. */
    public Parker parker(Parker machine) {
        if (isReal()) {
            return machine;
        }
        int k = factor;
        return nanos -> machine.parkNanos(nanos * k);
    }

    /** For the console and the report: "time scale 4 (every period and timeout 4x longer)". */
    public String describe() {
        return isReal() ? "real time" : "time scale " + factor + " (every period, timeout and detector window "
                + factor + "x longer on the machine's clock)";
    }
}
