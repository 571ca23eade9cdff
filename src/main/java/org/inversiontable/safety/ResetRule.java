package org.inversiontable.safety;

/**
 * The reset of a latched e-stop or fault (SPEC §4, as LinuxCNC's estop_latch): STOP held for
 * 2 s, counted only from a press that follows a release seen while latched, so that a button
 * already held when the latch tripped cannot reset it. Whether the cause is gone is the
 * supervisor's question; this class only times the gesture.
 */
final class ResetRule {
    static final long HOLD_NANOS = SafetySettings.STOP_HOLD_TO_RESET_NANOS;

    private boolean seenReleased;
    private long pressedSinceNanos = Long.MIN_VALUE;

    /** Returns true on the tick the hold completes. */
    boolean update(boolean stopPressed, long nowNanos) {
        if (!stopPressed) {
            seenReleased = true;
            pressedSinceNanos = Long.MIN_VALUE;
            return false;
        }
        if (!seenReleased) {
            return false;
        }
        if (pressedSinceNanos == Long.MIN_VALUE) {
            pressedSinceNanos = nowNanos;
        }
        if (nowNanos - pressedSinceNanos >= HOLD_NANOS) {
            seenReleased = false;
            pressedSinceNanos = Long.MIN_VALUE;
            return true;
        }
        return false;
    }

    /** Forget a gesture in progress: a new latch needs a new release and a new hold. */
    void rearm() {
        seenReleased = false;
        pressedSinceNanos = Long.MIN_VALUE;
    }
}
