package org.inversiontable.hardware;

/**
 * What reaches the H-bridge: a signed duty (positive = toward inversion) and the enable line.
 * A disabled command always carries duty 0, so "off" has exactly one representation.
 *
 * <p>A value, as a record would be (equal values are equal, whatever the instance), except one kind:
 * a {@linkplain #reusableDrive() reusable drive} that its owner {@linkplain #refillDrive refills},
 * so that a driving tick allocates nothing (SPEC §11). Its owner (the position loop) keeps two and
 * alternates, so that the command it returned last is never the one it refills next: the holders of
 * a command (the supervisor's applied command, the tick's record, the bridge's output) all let go
 * of it within the next tick. Anyone who keeps a command longer keeps a {@link #copy()}.
 *
 * <p>Thread-safety: a value never changes. A reusable drive is refilled on the control thread only;
 * another thread reads it only through a volatile publication made after the refill, and only
 * before the next-but-one refill (the H-bridge's watchdog poll, under the tick lock).
 */
public final class MotorCommand {
    public static final MotorCommand OFF = new MotorCommand(0.0, false);

    private final boolean reusable;
    private double duty;
    private boolean enabled;

    public MotorCommand(double duty, boolean enabled) {
        this(false, duty, enabled);
    }

    private MotorCommand(boolean reusable, double duty, boolean enabled) {
        this.reusable = reusable;
        set(duty, enabled);
    }

    public static MotorCommand drive(double duty) {
        return new MotorCommand(clamp(duty), true);
    }

    /** An enabled drive at duty 0 until {@linkplain #refillDrive refilled}; for the position loop. */
    public static MotorCommand reusableDrive() {
        return new MotorCommand(true, 0.0, true);
    }

    /**
     * This reusable drive, now at {@code newDuty} (clamped to -1..1 as {@link #drive} clamps it).
     *
     * @throws IllegalStateException on a value, which never changes
     */
    public MotorCommand refillDrive(double newDuty) {
        if (!reusable) {
            throw new IllegalStateException("this command is a value: only a reusable drive is refilled");
        }
        set(clamp(newDuty), true);
        return this;
    }

    /** A command equal to this one that never changes. */
    public MotorCommand copy() {
        return reusable ? new MotorCommand(duty, enabled) : this;
    }

    public double duty() {
        return duty;
    }

    public boolean enabled() {
        return enabled;
    }

    private static double clamp(double duty) {
        // NaN stays NaN here (Math.max/min pass it on) and is refused by set.
        return Math.max(-1.0, Math.min(1.0, duty));
    }

    private void set(double newDuty, boolean newEnabled) {
        if (!Double.isFinite(newDuty) || newDuty < -1.0 || newDuty > 1.0) {
            throw new IllegalArgumentException("duty must be within -1..1, was " + newDuty);
        }
        if (!newEnabled && newDuty != 0.0) {
            throw new IllegalArgumentException("a disabled motor command must have duty 0, was " + newDuty);
        }
        duty = newDuty;
        enabled = newEnabled;
    }

    /** Equal duty ({@link Double#compare}, as a record's) and enable line; reusable or not does not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MotorCommand other && Double.compare(duty, other.duty) == 0 && enabled == other.enabled;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(duty) * 31 + Boolean.hashCode(enabled);
    }

    @Override
    public String toString() {
        return "MotorCommand[duty=" + duty + ", enabled=" + enabled + "]";
    }
}
