package org.inversiontable.motion;

/**
 * The speed, acceleration and jerk limits in force for one control tick (SPEC §3, §5).
 * The caller may pass different limits on each tick (for example a lower {@code vMaxDegPerS}
 * while moving toward upright); the profile honours the change without a step in acceleration.
 * The §3 absolute caps are enforced where the limits come from (configuration), not here:
 * this record only rejects values no profile can be built from.
 */
public record MotionLimits(double vMaxDegPerS, double aMaxDegPerS2, double jMaxDegPerS3) {

    public MotionLimits {
        requirePositiveFinite("vMaxDegPerS", vMaxDegPerS);
        requirePositiveFinite("aMaxDegPerS2", aMaxDegPerS2);
        requirePositiveFinite("jMaxDegPerS3", jMaxDegPerS3);
    }

    /** A copy with another speed limit, as used for the gentler return toward upright. */
    public MotionLimits withVMaxDegPerS(double newVMaxDegPerS) {
        return new MotionLimits(newVMaxDegPerS, aMaxDegPerS2, jMaxDegPerS3);
    }

    /** Each limit the lower of this one's and {@code cap}'s: a profile's limits never exceed the table's. */
    public MotionLimits atMost(MotionLimits cap) {
        return new MotionLimits(Math.min(vMaxDegPerS, cap.vMaxDegPerS), Math.min(aMaxDegPerS2, cap.aMaxDegPerS2),
                Math.min(jMaxDegPerS3, cap.jMaxDegPerS3));
    }

    private static void requirePositiveFinite(String name, double value) {
        // A zero or infinite limit would make every duration 0/0 or infinite: NaN downstream.
        if (!Double.isFinite(value) || value <= 0.0) {
            throw new IllegalArgumentException(name + " must be a positive finite number, was " + value);
        }
    }
}
