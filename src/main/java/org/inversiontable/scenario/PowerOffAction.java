package org.inversiontable.scenario;

/**
 * {@code power-off DURATION} (SPEC §9): a power cut that lasts {@code durationNanos}. Nothing
 * ticks and no physics step runs during it; the simulated clock, and with it the history's wall
 * clock, jumps by the duration; then the controller boots as after a {@code power-cycle}.
 * Weeks of sessions with days between them run in seconds because the gap is one jump, not
 * millions of idle ticks.
 *
 * @param durationNanos how long the power is off, more than 0 and at most {@link PowerOffDuration#MAX_NANOS}
 * @param written       the duration as the file wrote it ({@code 2d}), for messages
 */
public record PowerOffAction(long durationNanos, String written) implements Action {
    public PowerOffAction {
        if (durationNanos <= 0 || durationNanos > PowerOffDuration.MAX_NANOS) {
            throw new IllegalArgumentException("durationNanos must be within 1.." + PowerOffDuration.MAX_NANOS
                    + ", got " + durationNanos);
        }
        java.util.Objects.requireNonNull(written, "written");
    }

    /** A cut written in seconds ({@code 90s}). */
    public static PowerOffAction ofSeconds(long seconds) {
        return new PowerOffAction(seconds * 1_000_000_000L, seconds + "s");
    }

    @Override
    public String describe() {
        return "power-off " + written;
    }
}
