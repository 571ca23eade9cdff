package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.inversiontable.motion.MotionLimits;
import org.junit.jupiter.api.Test;

class SessionLimitsTest {
    private static final MotionLimits M = new MotionLimits(5, 3, 6);

    @Test
    void aLimitThatIsNoLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(Double.NaN, 120, M, M));
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(Double.POSITIVE_INFINITY, 120, M, M));
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(20, 0, M, M));
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(20, Double.NaN, M, M));
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(20, Double.POSITIVE_INFINITY, M, M));
        assertThrows(NullPointerException.class, () -> new SessionLimits(20, 120, null, M));
        assertThrows(NullPointerException.class, () -> new SessionLimits(20, 120, M, null));
        new SessionLimits(-1, 0.1, M, M);
    }
}
