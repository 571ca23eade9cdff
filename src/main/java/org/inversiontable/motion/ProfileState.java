package org.inversiontable.motion;

/**
 * One sample of a reference trajectory: where the table should be, how fast it should move and
 * how fast that speed should change. Positive is toward inversion (SPEC §2).
 */
public record ProfileState(double positionDeg, double velocityDegPerS, double accelerationDegPerS2) {

    /** At rest at the given angle. */
    public static ProfileState restingAt(double positionDeg) {
        return new ProfileState(positionDeg, 0.0, 0.0);
    }

    public ProfileState {
        // A NaN reference would pass every "is it within limits" comparison as false and
        // silently disable the checks downstream: refuse it where it is made.
        requireFinite("positionDeg", positionDeg);
        requireFinite("velocityDegPerS", velocityDegPerS);
        requireFinite("accelerationDegPerS2", accelerationDegPerS2);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }
}
