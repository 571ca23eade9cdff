package org.inversiontable.motion;

/**
 * One sample of a reference trajectory: where the table should be, how fast it should move and
 * how fast that speed should change. Positive is toward inversion (SPEC §2).
 *
 * <p>Not a record, so that the 100 Hz tick allocates nothing (SPEC §11): a planner or a controller
 * owns {@linkplain #reusable() reusable} states that it {@linkplain #refill refills}, valid until
 * its next refill and confined to its thread; {@link #copy()} gives one that never changes. The
 * states the constructor and {@link #restingAt} make are values: they never change.
 */
public final class ProfileState {
    private final boolean reusable;
    private double positionDeg;
    private double velocityDegPerS;
    private double accelerationDegPerS2;

    public ProfileState(double positionDeg, double velocityDegPerS, double accelerationDegPerS2) {
        this(false, positionDeg, velocityDegPerS, accelerationDegPerS2);
    }

    private ProfileState(boolean reusable, double positionDeg, double velocityDegPerS, double accelerationDegPerS2) {
        this.reusable = reusable;
        set(positionDeg, velocityDegPerS, accelerationDegPerS2);
    }

    /** At rest at the given angle. */
    public static ProfileState restingAt(double positionDeg) {
        return new ProfileState(positionDeg, 0.0, 0.0);
    }

    /** A state to {@linkplain #refill refill}, at rest at 0 until then. */
    public static ProfileState reusable() {
        return new ProfileState(true, 0.0, 0.0, 0.0);
    }

    /**
     * New values over the old ones, checked as the constructor checks them; only on a
     * {@link #reusable()} state.
     *
     * @throws IllegalStateException on a value, which never changes
     */
    public ProfileState refill(double newPositionDeg, double newVelocityDegPerS, double newAccelerationDegPerS2) {
        if (!reusable) {
            throw new IllegalStateException("this state is a value: only a reusable state is refilled");
        }
        set(newPositionDeg, newVelocityDegPerS, newAccelerationDegPerS2);
        return this;
    }

    private void set(double p, double v, double a) {
        // A NaN reference would pass every "is it within limits" comparison as false and
        // silently disable the checks downstream: refuse it where it is made.
        requireFinite("positionDeg", p);
        requireFinite("velocityDegPerS", v);
        requireFinite("accelerationDegPerS2", a);
        positionDeg = p;
        velocityDegPerS = v;
        accelerationDegPerS2 = a;
    }

    /** A state equal to this one that never changes. */
    public ProfileState copy() {
        return new ProfileState(positionDeg, velocityDegPerS, accelerationDegPerS2);
    }

    public double positionDeg() {
        return positionDeg;
    }

    public double velocityDegPerS() {
        return velocityDegPerS;
    }

    public double accelerationDegPerS2() {
        return accelerationDegPerS2;
    }

    /** Equal values, as a record's ({@link Double#compare}); reusable or not does not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileState s && Double.compare(positionDeg, s.positionDeg) == 0
                && Double.compare(velocityDegPerS, s.velocityDegPerS) == 0
                && Double.compare(accelerationDegPerS2, s.accelerationDegPerS2) == 0;
    }

    @Override
    public int hashCode() {
        return (Double.hashCode(positionDeg) * 31 + Double.hashCode(velocityDegPerS)) * 31
                + Double.hashCode(accelerationDegPerS2);
    }

    @Override
    public String toString() {
        return "ProfileState[positionDeg=" + positionDeg + ", velocityDegPerS=" + velocityDegPerS
                + ", accelerationDegPerS2=" + accelerationDegPerS2 + "]";
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }
}
