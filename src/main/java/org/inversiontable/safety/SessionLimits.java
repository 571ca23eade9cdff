package org.inversiontable.safety;

import java.util.Objects;
import org.inversiontable.motion.MotionLimits;

/**
 * The limits one session runs with (SPEC §13): a profile's ceiling, or its progression level under
 * it. The supervisor caps each at the configured one, whatever is asked.
 *
 * @param angleDeg  the angle limit
 * @param invertedS the inverted-time limit
 * @param down      the limits of any move (v_max_deg_s ...)
 * @param back      the limits of moves toward upright (v_return_deg_s ...)
 */
public record SessionLimits(double angleDeg, double invertedS, MotionLimits down, MotionLimits back) {
    public SessionLimits {
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(back, "back");
        if (!Double.isFinite(angleDeg) || !(invertedS > 0.0) || !Double.isFinite(invertedS)) {
            throw new IllegalArgumentException("angleDeg must be finite and invertedS > 0, were " + angleDeg
                    + ", " + invertedS);
        }
    }
}
