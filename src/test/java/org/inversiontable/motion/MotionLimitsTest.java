package org.inversiontable.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MotionLimitsTest {

    @Test
    void limitsThatCannotBuildAProfileAreRejectedWithTheirName() {
        double[] bad = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY};
        for (double value : bad) {
            assertMessageNames("vMaxDegPerS", () -> new MotionLimits(value, 3, 6));
            assertMessageNames("aMaxDegPerS2", () -> new MotionLimits(5, value, 6));
            assertMessageNames("jMaxDegPerS3", () -> new MotionLimits(5, 3, value));
        }
    }

    @Test
    void withVMaxKeepsTheOtherLimits() {
        MotionLimits slower = new MotionLimits(5, 3, 6).withVMaxDegPerS(3);
        assertEquals(new MotionLimits(3, 3, 6), slower);
    }

    @Test
    void aNonFiniteReferenceStateIsRejectedWithItsFieldName() {
        assertMessageNames("positionDeg", () -> new ProfileState(Double.NaN, 0, 0));
        assertMessageNames("velocityDegPerS", () -> new ProfileState(0, Double.POSITIVE_INFINITY, 0));
        assertMessageNames("accelerationDegPerS2", () -> new ProfileState(0, 0, Double.NaN));
    }

    private static void assertMessageNames(String field, Runnable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void atMostTakesTheLowerOfEachLimit() {
        assertEquals(new MotionLimits(3, 2, 6), new MotionLimits(3, 4, 8).atMost(new MotionLimits(5, 2, 6)));
        assertEquals(new MotionLimits(5, 2, 6), new MotionLimits(8, 2, 6).atMost(new MotionLimits(5, 3, 20)));
    }
}
