package org.inversiontable.control;

import org.inversiontable.safety.TableEvent;

/**
 * Turns states and events into the LED and buzzer patterns the user learns (hardware/README):
 * LED steady = ready, slow blink = moving, fast blink = e-stop or fault; buzzer: one long beep
 * for a time warning, a short beep to confirm a stored preset, a pulsed alarm while a latched
 * stop or fault leaves someone inverted.
 */
final class Annunciator {
    private static final long SLOW_BLINK_NANOS = 500_000_000L;
    private static final long FAST_BLINK_NANOS = 125_000_000L;
    private static final long WARNING_BEEP_NANOS = 1_000_000_000L;
    private static final long CONFIRM_BEEP_NANOS = 200_000_000L;

    /** A counted beep (a profile's number) is this long, and one starts every period. */
    private static final long COUNT_BEEP_NANOS = 150_000_000L;
    private static final long COUNT_PERIOD_NANOS = 450_000_000L;

    private long beepUntilNanos = Long.MIN_VALUE;
    private long countStartNanos = Long.MIN_VALUE;
    private int count;

    /** {@code n} short beeps, a profile's number (SPEC §13), from now. */
    void beepNumber(int n, long nowNanos) {
        count = n;
        countStartNanos = nowNanos;
    }

    void onEvent(TableEvent event, long nowNanos) {
        if (event == null || event == TableEvent.PROFILE_SELECTED) {
            // A profile's selection beeps its number instead (beepNumber).
            return;
        }
        long length = event == TableEvent.PRESET_STORED ? CONFIRM_BEEP_NANOS : WARNING_BEEP_NANOS;
        beepUntilNanos = Math.max(beepUntilNanos, nowNanos + length);
    }

    boolean ledOn(TableState state, long nowNanos) {
        return switch (state) {
            case IDLE, HOLDING -> true;
            case BOOT, MOVING, RETURNING, LIMP_HOME -> blink(nowNanos, SLOW_BLINK_NANOS);
            case ESTOP, FAULT -> blink(nowNanos, FAST_BLINK_NANOS);
        };
    }

    boolean buzzerOn(boolean alarm, long nowNanos) {
        return nowNanos < beepUntilNanos || alarm && blink(nowNanos, SLOW_BLINK_NANOS) || countedBeepOn(nowNanos);
    }

    private boolean countedBeepOn(long nowNanos) {
        long since = nowNanos - countStartNanos;
        return count > 0 && since >= 0 && since < count * COUNT_PERIOD_NANOS && since % COUNT_PERIOD_NANOS < COUNT_BEEP_NANOS;
    }

    private static boolean blink(long nowNanos, long halfPeriodNanos) {
        return (nowNanos / halfPeriodNanos) % 2 == 0;
    }
}
