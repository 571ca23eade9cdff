package org.inversiontable.time;

/**
 * The one source of time for the controller, the supervisor and the simulator.
 *
 * <p>Monotonic nanoseconds, never the wall clock: intervals measured on it cannot jump when
 * NTP or the user sets the date. On the Pi it is {@link SystemClock}; in tests and scenarios
 * a {@link ManualClock} that the simulation advances, so a 15-minute session runs in
 * milliseconds and every run of the same input gives the same result.
 */
public interface Clock {
    long nanoTime();

    default double seconds() {
        return nanoTime() / 1e9;
    }
}
