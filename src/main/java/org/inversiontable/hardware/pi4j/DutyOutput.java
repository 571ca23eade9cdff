package org.inversiontable.hardware.pi4j;

/**
 * The H-bridge's speed input: an unsigned duty 0..1. Two implementations: {@link SysfsPwmChannel}
 * on a Pi (nanoseconds through a held-open sysfs file, no gap between changes) and {@link
 * Pi4jPwmDuty} on Pi4J's mock PWM for the simulator and the tests.
 *
 * <p>Not thread-safe: {@link Pi4jHBridge} calls it only under its tick lock.
 */
public interface DutyOutput {
    /** Sets the duty, 0..1 (clamped); the channel stays enabled. */
    void duty(double fraction);

    /** Duty 0 now: the output stays low until the next {@link #duty}. */
    void zero();

    /** The duty the output itself reports now, 0..1 (the sysfs file read back; the mock's percent). */
    double readBack();
}
