package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 overspeed: more than 30 % over v_max_deg_s for 0.3 s, on the supervisor's own measure
 * of the speed. A table within SPEC §5's +10 % must never trip it, whatever the sensor's noise.
 */
class OverspeedDetectorTest {
    private static final long PERIOD = 10_000_000L;
    private static final double PERIOD_S = 0.01;

    /**
     * Runs a table at {@code speedDegPerS} from t = 0 (at rest before, for 5 s) with noise;
     * returns the seconds from the start of the fast motion to the trip, or NaN.
     */
    private static double tripAfterS(double vMax, double speedDegPerS, double noiseDeg, double forS, long seed) {
        OverspeedDetector d = new OverspeedDetector(vMax, PERIOD);
        Random random = new Random(seed);
        double angle = -60.0;
        for (int i = -500; i < forS / PERIOD_S; i++) {
            if (i > 0) {
                angle += speedDegPerS * PERIOD_S;
            }
            Trip t = d.update(angle + noiseDeg * random.nextGaussian(), noiseDeg, 10_000_000_000L + i * PERIOD);
            if (t != null) {
                assertEquals(FaultCode.OVERSPEED, t.code());
                return i * PERIOD_S;
            }
        }
        return Double.NaN;
    }

    @ParameterizedTest(name = "v_max {0} deg/s")
    @ValueSource(doubles = {0.5, 1.0, 3.0, 5.0, 8.0})
    void tenMinutesTenPercentOverTheLimitWithSpecifiedNoiseNeverTrip(double vMax) {
        for (long seed = 0; seed < 3; seed++) {
            // Back and forth within the mechanical range: the sign of the speed does not matter.
            double t = tripAfterS(vMax, 1.1 * vMax * (seed % 2 == 0 ? 1 : -1), 0.3, 600.0 / 3, seed);
            assertTrue(Double.isNaN(t), "tripped at " + t + " s at 1.1 x " + vMax + " deg/s, seed " + seed);
        }
    }

    @ParameterizedTest(name = "v_max {0} deg/s")
    @ValueSource(doubles = {0.5, 1.0, 3.0, 5.0, 8.0})
    void halfAgainTheLimitTripsWithinTheWindowPlusPointThreeSeconds(double vMax) {
        OverspeedDetector d = new OverspeedDetector(vMax, PERIOD);
        double boundS = d.windowNanos(0.3) / 1e9 + 0.3 + PERIOD_S;
        for (long seed = 0; seed < 5; seed++) {
            double t = tripAfterS(vMax, 1.5 * vMax, 0.3, 10, seed);
            assertTrue(t <= boundS, "1.5 x " + vMax + " deg/s tripped after " + t + " s, bound " + boundS);
        }
    }

    @ParameterizedTest(name = "v_max {0} deg/s")
    @ValueSource(doubles = {0.5, 1.0, 3.0, 5.0, 8.0})
    void thirtyFivePercentOverTheLimitTripsToo(double vMax) {
        // Just past the threshold the noise decides when the measure has read over for 0.3 s in a
        // row; it does, well within a few windows.
        OverspeedDetector d = new OverspeedDetector(vMax, PERIOD);
        double boundS = 3 * d.windowNanos(0.3) / 1e9 + 0.3;
        for (long seed = 0; seed < 5; seed++) {
            double t = tripAfterS(vMax, 1.35 * vMax, 0.3, 20, seed);
            assertTrue(t <= boundS, "1.35 x " + vMax + " deg/s tripped after " + t + " s, bound " + boundS);
        }
    }

    @Test
    void aRunawayAtFullSpeedOverTheDefaultLimitIsCaughtWithinSevenTenthsOfASecond() {
        double t = tripAfterS(5.0, 10.0, 0.3, 10, 7);
        assertTrue(t <= 0.7, "10 deg/s against 5 caught after " + t + " s");
    }

    @Test
    void theWindowIsAsShortAsTheNoiseAllows() {
        assertEquals(0.646, new OverspeedDetector(5.0, PERIOD).windowNanos(0.3) / 1e9, 0.001);
        assertEquals(3.0, new OverspeedDetector(0.5, PERIOD).windowNanos(0.3) / 1e9, 0.001);
        assertEquals(0.3, new OverspeedDetector(8.0, PERIOD).windowNanos(0.0) / 1e9, 1e-9);
        assertEquals(4.0, new OverspeedDetector(0.5, PERIOD).windowNanos(1.0) / 1e9, 1e-9);
    }

    @Test
    void theThresholdIsThirtyPercentOverWithSpecifiedNoiseAndRisesOnlyPastTheLongestWindow() {
        OverspeedDetector d = new OverspeedDetector(5.0, PERIOD);
        assertEquals(6.5, d.thresholdDegPerS(0.3, d.windowNanos(0.3)), 1e-9);
        OverspeedDetector slow = new OverspeedDetector(0.5, PERIOD);
        assertEquals(0.65, slow.thresholdDegPerS(0.3, slow.windowNanos(0.3)), 1e-9);
        assertTrue(slow.thresholdDegPerS(1.0, slow.windowNanos(1.0)) > 0.65);
    }

    @Test
    void aNoisierSensorThanSpecifiedDoesNotTripAtTheLowestLimit() {
        for (long seed = 0; seed < 3; seed++) {
            double t = tripAfterS(0.5, 0.55, 1.0, 120, seed);
            assertTrue(Double.isNaN(t), "tripped at " + t + " s with 1 deg noise, seed " + seed);
        }
    }

    @Test
    void exactlyThePersistenceTimeOverTrips() {
        // Noise-free, a speed well over: the trip comes 0.3 s after the measure first reads over.
        OverspeedDetector d = new OverspeedDetector(5.0, PERIOD);
        Trip trip = null;
        long t = 0;
        for (int i = 0; i < 300 && trip == null; i++) {
            t = i * PERIOD;
            trip = d.update(i * 0.2, 0.0, t);   // 20 deg/s
        }
        assertNotNull(trip);
        assertTrue(trip.cause().contains("v_max_deg_s 5.00"), trip.cause());
        assertTrue(trip.cause().contains("over the last 0.65 s"), "names the window it measured over: " + trip.cause());
        // The window is 0.65 s (the specified noise is the floor even on a noise-free sensor):
        // judged from half of it, then over for 0.3 s.
        assertEquals(0.32 + 0.3, t / 1e9, 1e-9, "first judged at half the window, then 0.3 s over");
    }

    @Test
    void overForLessThanThePersistenceTimeDoesNotTrip() {
        // A speed just over the threshold for 0.25 s, then at the limit: the measure is over for
        // less than 0.3 s (the window smooths the edges; checked by sweeping the overshoot).
        OverspeedDetector d = new OverspeedDetector(5.0, PERIOD);
        double angle = 0.0;
        for (int i = 0; i < 1000; i++) {
            boolean fast = i >= 300 && i < 310;
            angle += (fast ? 10.0 : 5.0) * PERIOD_S;
            assertNull(d.update(angle, 0.0, i * PERIOD), "tripped at tick " + i);
        }
    }

    @Test
    void missingSamplesAreNotJudged() {
        OverspeedDetector d = new OverspeedDetector(5.0, PERIOD);
        for (int i = 0; i < 1000; i++) {
            // One sample in three: fewer than half a window's worth, never enough to judge.
            double angle = i % 3 == 0 ? i * 0.2 : Double.NaN;
            assertNull(d.update(angle, 0.0, i * PERIOD));
        }
    }

    @Test
    void ticksWithoutAnySampleYetAreNotJudged() {
        // At boot, or right after a reset, the IMU may have nothing to give for a while.
        OverspeedDetector d = new OverspeedDetector(5.0, PERIOD);
        for (int i = 0; i < 100; i++) {
            assertNull(d.update(Double.NaN, Double.NaN, i * PERIOD));
        }
    }

    @Test
    void aResetForgetsTheSpeed() {
        OverspeedDetector d = new OverspeedDetector(5.0, PERIOD);
        for (int i = 0; i < 40; i++) {
            d.update(i * 0.2, 0.0, i * PERIOD);
        }
        d.reset();
        // Kept samples would be judged at once and trip 0.3 s later (tick 70); forgotten, the
        // window must fill to half again first (0.33 s), then be over for 0.3 s.
        for (int i = 40; i < 95; i++) {
            assertNull(d.update(i * 0.2, 0.0, i * PERIOD), "judged on samples from before the reset");
        }
    }

    @Test
    void rejectsAnImpossibleLimit() {
        assertThrows(IllegalArgumentException.class, () -> new OverspeedDetector(0.0, PERIOD));
        assertThrows(IllegalArgumentException.class, () -> new OverspeedDetector(Double.NaN, PERIOD));
        assertThrows(IllegalArgumentException.class, () -> new OverspeedDetector(Double.POSITIVE_INFINITY, PERIOD));
        assertThrows(IllegalArgumentException.class, () -> new OverspeedDetector(5.0, 0));
    }

    @org.junit.jupiter.api.Test
    void aLowerSpeedLimitIsJudgedFromThenOnAndANonsenseOneRefused() {
        OverspeedDetector d = new OverspeedDetector(5.0, 10_000_000L);
        d.limitTo(3.0);
        Trip trip = null;
        double angle = 0;
        for (long t = 0; t < 2_000_000_000L && trip == null; t += 10_000_000L) {
            angle += 4.5 * 0.01;
            trip = d.update(angle, 0.0, t);
        }
        org.junit.jupiter.api.Assertions.assertNotNull(trip, "4.5 deg/s under a limit of 3 did not trip");
        for (double bad : new double[] {0, -2, Double.NaN}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> d.limitTo(bad));
        }
    }
}
