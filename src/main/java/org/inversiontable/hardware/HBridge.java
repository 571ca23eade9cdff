package org.inversiontable.hardware;

/**
 * The tilt actuator's H-bridge: PWM duty, direction and enable.
 *
 * <p>Two safety mechanisms live here, below the controller, like a drive's safe-torque-off:
 * <ul>
 *   <li>{@link #inhibit()}: immediate, thread-safe, latched power-off for the e-stop. While
 *       inhibited every {@link #apply} is forced off, so a tick that was computed before the
 *       e-stop cannot re-enable the motor. Only {@link #clearInhibit()} (the supervisor's reset)
 *       lifts it.</li>
 *   <li>a refresh watchdog: when {@link #apply} has not been called for
 *       {@link #WATCHDOG_TIMEOUT_NANOS}, {@link #pollWatchdog} turns the output off (SPEC §6).</li>
 * </ul>
 */
public interface HBridge {
    long WATCHDOG_TIMEOUT_NANOS = 50_000_000L;

    /** Writes the command (forced off while inhibited) and refreshes the watchdog. */
    void apply(MotorCommand command, long nowNanos);

    /** Turns the motor off at once and keeps it off until {@link #clearInhibit()}. Thread-safe. */
    void inhibit();

    void clearInhibit();

    boolean inhibited();

    /** Turns the output off when not refreshed in time; returns true when it did so. */
    boolean pollWatchdog(long nowNanos);

    /** The command actually on the wires now. */
    MotorCommand output();
}
