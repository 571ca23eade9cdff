package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4: the table moving while the H-bridge is disabled is a fault of its own; sensor noise,
 * bias and the coast of a normal stop are not. The angle goes through the supervisor's own
 * filter ({@link EnvelopeGuard}), as in the supervisor.
 */
class UncommandedMotionDetectorTest {
    private static final long PERIOD = 10_000_000L;
    private static final double PERIOD_S = 0.01;

    private final UncommandedMotionDetector detector = new UncommandedMotionDetector();
    private final EnvelopeGuard filter = new EnvelopeGuard(90.0, -65.0);
    private final Random random = new Random(42);
    private long now = 5_000_000_000L;

    /** One tick: the sensor reads the true angle plus bias and noise; returns the detector's verdict. */
    private Trip tick(boolean enabled, double trueDeg, double noiseDeg, double biasDeg) {
        now += PERIOD;
        filter.observe(trueDeg + biasDeg + noiseDeg * random.nextGaussian());
        return detector.update(enabled, filter.angleDeg(), filter.filteredNoiseDeg(), now);
    }

    @Test
    void anHourAtRestWithNoiseAndBiasNeverTrips() {
        for (int i = 0; i < 360_000; i++) {
            assertNull(tick(false, 20.0, 0.3, -0.3), "tripped on noise at tick " + i);
        }
    }

    @Test
    void theCoastOfANormalStopAtThirtyPercentOverTheSpeedCapDoesNotTrip() {
        // Driving deeper at 10.4 deg/s (8 deg/s cap + 30 %), then disabled: the screw stops in
        // 0.1 s (linear, the longest such stop covers the most ground) with the filter catching up.
        double angle = 10.0;
        for (int i = 0; i < 100; i++) {
            angle += 10.4 * PERIOD_S;
            assertNull(tick(true, angle, 0.3, 0.2));
        }
        double speed = 10.4;
        for (int i = 0; i < 500; i++) {
            speed = Math.max(0.0, speed - 10.4 / 10.0);
            angle += speed * PERIOD_S;
            assertNull(tick(false, angle, 0.3, 0.2), "tripped while coasting, tick " + i);
        }
    }

    @Test
    void aRunawayAtFullSpeedIsCaughtInAQuarterOfASecond() {
        for (int seed = 0; seed < 20; seed++) {
            random.setSeed(seed);
            double latencyS = latencyS(10.0);
            assertTrue(latencyS <= 0.25, "10 deg/s caught after " + latencyS + " s (seed " + seed + ")");
        }
    }

    @Test
    void aSlowRunawayIsCaughtToo() {
        for (int seed = 0; seed < 20; seed++) {
            random.setSeed(seed);
            double latencyS = latencyS(2.0);
            assertTrue(latencyS <= 1.0, "2 deg/s caught after " + latencyS + " s (seed " + seed + ")");
        }
    }

    /** Time from the disable to the trip, for a table that goes on moving at this speed. */
    private double latencyS(double speedDegPerS) {
        UncommandedMotionDetector d = new UncommandedMotionDetector();
        EnvelopeGuard f = new EnvelopeGuard(90.0, -65.0);
        double angle = 0.0;
        for (int i = 0; i < 200; i++) {
            f.observe(angle + 0.3 * random.nextGaussian());
            d.update(true, f.angleDeg(), f.filteredNoiseDeg(), i * PERIOD);
        }
        for (int i = 1; i < 1000; i++) {
            angle -= speedDegPerS * PERIOD_S;   // toward upright: the sign does not matter
            f.observe(angle + 0.3 * random.nextGaussian());
            Trip t = d.update(false, f.angleDeg(), f.filteredNoiseDeg(), (200 + i) * PERIOD);
            if (t != null) {
                assertEquals(FaultCode.MOTION_UNCOMMANDED, t.code());
                assertTrue(t.cause().contains("H-bridge disabled"), t.cause());
                return i * PERIOD_S;
            }
        }
        throw new AssertionError("a runaway at " + speedDegPerS + " deg/s was never caught");
    }

    @Test
    void aCommandedMoveIsNeverJudgedHere() {
        double angle = -65.0;
        for (int i = 0; i < 2000; i++) {
            angle += 0.08;
            assertNull(tick(true, angle, 0.3, 0.0));
        }
    }

    @Test
    void theAllowanceIsOneAndAHalfDegreesOnThreeTicksInARow() {
        // Noise-free: exactly at the allowance never trips; just past it trips on the third tick.
        UncommandedMotionDetector d = new UncommandedMotionDetector();
        assertNull(d.update(false, 10.0, 0.0, 0));
        for (int i = 1; i <= 100; i++) {
            assertNull(d.update(false, 10.0 + UncommandedMotionDetector.ALLOWANCE_DEG, 0.0, i * PERIOD));
        }
        assertNull(d.update(false, 11.51, 0.0, 101 * PERIOD));
        assertNull(d.update(false, 8.49, 0.0, 102 * PERIOD));
        assertNotNull(d.update(false, 11.51, 0.0, 103 * PERIOD));
        assertEquals(1.5, UncommandedMotionDetector.ALLOWANCE_DEG);
    }

    @Test
    void oneTickBackInsideTheAllowanceStartsTheCountAgain() {
        UncommandedMotionDetector d = new UncommandedMotionDetector();
        d.update(false, 0.0, 0.0, 0);
        assertNull(d.update(false, 2.0, 0.0, PERIOD));
        assertNull(d.update(false, 2.0, 0.0, 2 * PERIOD));
        assertNull(d.update(false, 1.0, 0.0, 3 * PERIOD));
        assertNull(d.update(false, 2.0, 0.0, 4 * PERIOD));
        assertNull(d.update(false, 2.0, 0.0, 5 * PERIOD));
        assertNotNull(d.update(false, 2.0, 0.0, 6 * PERIOD));
    }

    @Test
    void aNoisierSensorWidensTheAllowanceRatherThanTripAtRandom() {
        UncommandedMotionDetector d = new UncommandedMotionDetector();
        d.update(false, 0.0, 0.2, 0);
        // 8 sigmas of a difference of two filtered angles with 0.2 deg noise each: 2.26 deg.
        for (int i = 1; i <= 10; i++) {
            assertNull(d.update(false, 2.2, 0.2, i * PERIOD));
        }
        for (int i = 11; i <= 12; i++) {
            assertNull(d.update(false, 2.3, 0.2, i * PERIOD));
        }
        assertNotNull(d.update(false, 2.3, 0.2, 13 * PERIOD));
    }

    @Test
    void aDriveInBetweenTakesANewReference() {
        UncommandedMotionDetector d = new UncommandedMotionDetector();
        d.update(false, 0.0, 0.0, 0);
        d.update(true, 5.0, 0.0, PERIOD);          // driven to 5 deg
        for (int i = 2; i < 100; i++) {
            assertNull(d.update(false, 5.0, 0.0, i * PERIOD), "the commanded move counted as uncommanded");
        }
    }

    @Test
    void noAngleNoJudgement() {
        UncommandedMotionDetector d = new UncommandedMotionDetector();
        d.update(false, 0.0, 0.0, 0);
        assertNull(d.update(false, Double.NaN, 0.0, PERIOD));
        // The reference was forgotten with the angle: the next angle is the new reference.
        for (int i = 2; i < 10; i++) {
            assertNull(d.update(false, 3.0, 0.0, i * PERIOD));
        }
    }
}
