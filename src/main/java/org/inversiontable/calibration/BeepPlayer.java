package org.inversiontable.calibration;

/**
 * Plays a {@link BeepCode} on the buzzer over the following ticks: N short beeps of
 * {@link #SHORT_NANOS} with gaps as long, or one long beep of {@link #LONG_NANOS}. Pure: the
 * caller asks {@link #on(long)} each tick with its clock's time and writes the buzzer.
 *
 * <pre>{@code
 * player.start(BeepCode.STEP_LEVEL, clock.nanoTime());
 * buzzer = alarm || player.on(clock.nanoTime());   // every tick
 * }</pre>
 *
 * <p>Not thread-safe: the control thread starts and reads it.
 */
public final class BeepPlayer {
    public static final long SHORT_NANOS = 150_000_000L;
    public static final long LONG_NANOS = 1_000_000_000L;

    private BeepCode playing;
    private long startNanos;

    public void start(BeepCode code, long nowNanos) {
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        playing = code;
        startNanos = nowNanos;
    }

    /** Whether the buzzer sounds at {@code nowNanos}. */
    public boolean on(long nowNanos) {
        if (playing == null) {
            return false;
        }
        long t = nowNanos - startNanos;
        if (t < 0) {
            return false;
        }
        if (playing.longBeep()) {
            return t < LONG_NANOS;
        }
        long slot = t / SHORT_NANOS;
        return slot < 2L * playing.shortBeeps() && slot % 2 == 0;
    }
}
