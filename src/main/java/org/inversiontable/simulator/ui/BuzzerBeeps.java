package org.inversiontable.simulator.ui;

/**
 * When the desktop's speaker beeps for the simulated buzzer: at each switch-on, and again every
 * {@link #REPEAT_NANOS} while it stays on, so that a long alarm is heard without a
 * continuous tone that would drown everything else.
 */
final class BuzzerBeeps {
    static final long REPEAT_NANOS = 1_000_000_000L;

    private boolean wasOn;
    private long lastBeepNanos;

    /** Returns true when a beep is due now. */
    boolean update(boolean buzzerOn, long nowNanos) {
        boolean due = buzzerOn && (!wasOn || nowNanos - lastBeepNanos >= REPEAT_NANOS);
        wasOn = buzzerOn;
        if (due) {
            lastBeepNanos = nowNanos;
        }
        return due;
    }
}
