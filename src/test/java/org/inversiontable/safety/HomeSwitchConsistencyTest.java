package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HomeSwitchConsistencyTest {
    private static final double HOME_DEG = -65;
    private static final long T0 = 3_000_000_000L;
    private static final long TICK = 10_000_000L;

    /** Feeds the same disagreement every tick; returns the first trip's delay, or -1. */
    private static long tripAfter(boolean switchAtHome, double angleDeg, long forNanos) {
        HomeSwitchConsistency home = new HomeSwitchConsistency(HOME_DEG);
        for (long t = 0; t <= forNanos; t += TICK) {
            Trip trip = home.update(switchAtHome, angleDeg, true, T0 + t);
            if (trip != null) {
                assertEquals(FaultCode.HOME_SWITCH_DISAGREE, trip.code());
                return t;
            }
        }
        return -1;
    }

    @Test
    void switchAtHomeWhileInvertedTripsAfterHalfASecond() {
        assertEquals(500_000_000L, tripAfter(true, 20, 2_000_000_000L));
    }

    @Test
    void switchNotAtHomeWellBelowHomeTripsAfterHalfASecond() {
        assertEquals(500_000_000L, tripAfter(false, HOME_DEG - 4, 2_000_000_000L));
    }

    @Test
    void disagreementShorterThanHalfASecondDoesNotTrip() {
        HomeSwitchConsistency home = new HomeSwitchConsistency(HOME_DEG);
        for (long t = 0; t < 500_000_000L; t += TICK) {
            assertNull(home.update(true, 20, true, T0 + t));
        }
        assertNull(home.update(true, HOME_DEG, true, T0 + 500_000_000L), "agreement at the last moment");
    }

    @Test
    void theBandAroundTheSwitchPointToleratesNoiseAndBias() {
        assertEquals(-1, tripAfter(true, HOME_DEG + 5.0, 2_000_000_000L));
        assertEquals(500_000_000L, tripAfter(true, HOME_DEG + 5.01, 2_000_000_000L));
        assertEquals(-1, tripAfter(false, HOME_DEG - 3.0, 2_000_000_000L));
        assertEquals(500_000_000L, tripAfter(false, HOME_DEG - 3.01, 2_000_000_000L));
    }

    @Test
    void aMomentOfAgreementRestartsTheHalfSecond() {
        HomeSwitchConsistency home = new HomeSwitchConsistency(HOME_DEG);
        for (long t = 0; t < 400_000_000L; t += TICK) {
            assertNull(home.update(true, 20, true, T0 + t));
        }
        assertNull(home.update(false, 20, true, T0 + 400_000_000L));
        for (long t = 410_000_000L; t < 910_000_000L; t += TICK) {
            assertNull(home.update(true, 20, true, T0 + t), "at " + t);
        }
        assertNotNull(home.update(true, 20, true, T0 + 910_000_000L));
    }

    @Test
    void aTickWithoutAnAngleNeitherRestartsNorPausesTheHalfSecond() {
        HomeSwitchConsistency home = new HomeSwitchConsistency(HOME_DEG);
        Trip trip = null;
        long t = 0;
        for (; t <= 1_000_000_000L && trip == null; t += TICK) {
            // every fifth tick has no sample, the one at 0.5 s among them
            double angleDeg = t > 0 && (t / TICK) % 5 == 0 ? Double.NaN : 20;
            trip = home.update(true, angleDeg, true, T0 + t);
        }
        assertNotNull(trip);
        assertEquals(500_000_000L, t - TICK);
    }

    @Test
    void anUntrustedAngleIsNoReference() {
        HomeSwitchConsistency home = new HomeSwitchConsistency(HOME_DEG);
        for (long t = 0; t < 2_000_000_000L; t += TICK) {
            assertNull(home.update(true, 20, false, T0 + t));
        }
    }

    @Test
    void aNoisyAngleAtTheSwitchPointNeverTrips() {
        Random random = new Random(99L);
        for (int run = 0; run < 50; run++) {
            HomeSwitchConsistency home = new HomeSwitchConsistency(HOME_DEG);
            double biasDeg = -1.5 + 3 * random.nextDouble();
            // the table creeps through the switch point and back, the switch following the true angle
            for (long t = 0; t < 20_000_000_000L; t += TICK) {
                double trueDeg = HOME_DEG + 0.5 + 3 * Math.sin(t / 1e9);
                double measuredDeg = trueDeg + biasDeg + 0.3 * random.nextGaussian();
                boolean switchAtHome = trueDeg <= HOME_DEG + 0.5;
                assertNull(home.update(switchAtHome, measuredDeg, true, T0 + t), "run " + run + " at " + t);
            }
        }
    }

    @Test
    void anImpossibleHomeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new HomeSwitchConsistency(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new HomeSwitchConsistency(-80));
    }
}
