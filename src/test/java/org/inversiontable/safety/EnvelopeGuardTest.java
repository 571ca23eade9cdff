package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC §3: the angle envelope on the measured angle, its allowances and its filter. */
class EnvelopeGuardTest {
    private static final double MAX = 30.0;
    private static final double HOME = -65.0;

    private static EnvelopeGuard at(double angleDeg) {
        EnvelopeGuard guard = new EnvelopeGuard(MAX, HOME);
        guard.observe(angleDeg);
        return guard;
    }

    @Test
    void withoutASampleNothingIsRefused() {
        EnvelopeGuard guard = new EnvelopeGuard(MAX, HOME);
        guard.observe(Double.NaN);
        guard.observe(Double.POSITIVE_INFINITY);
        assertTrue(Double.isNaN(guard.angleDeg()), "a non-finite sample became the angle: " + guard.angleDeg());
        assertFalse(guard.refuses(1.0));
        assertFalse(guard.refuses(-1.0));
    }

    @Test
    void theFirstSampleIsTakenAsIsAndLaterOnesAreAveraged() {
        EnvelopeGuard guard = at(20.0);
        assertEquals(20.0, guard.angleDeg(), 1e-12, "first sample");
        guard.observe(30.0);
        assertEquals(23.0, guard.angleDeg(), 1e-12, "one step of gain 0.3 from 20 toward 30");
        guard.observe(Double.NaN);
        assertEquals(23.0, guard.angleDeg(), 1e-12, "a non-finite sample moved the filter");
    }

    @Test
    void driveTowardInversionIsCutHalfADegreePastTheLimit() {
        assertFalse(at(MAX + 0.49).refuses(0.5), "cut before the allowance");
        assertTrue(at(MAX + 0.5).refuses(0.5), "not cut at limit + 0.5 deg");
        assertTrue(at(MAX + 0.5).refuses(0.01), "a small duty deeper passed at limit + 0.5 deg");
        assertFalse(at(MAX + 0.5).refuses(-0.5), "the way back up was refused just past the limit");
        assertFalse(at(MAX + 0.5).refuses(0.0), "a zero duty counted as a drive");
    }

    @Test
    void farPastTheLimitNoDriveAtAllIsAllowed() {
        assertFalse(at(MAX + 0.89).pastHardLimit());
        assertFalse(at(MAX + 0.89).refuses(-0.5), "the way back up was refused below the hard allowance");
        assertTrue(at(MAX + 0.9).pastHardLimit(), "not past the hard limit at limit + 0.9 deg");
        assertTrue(at(MAX + 0.9).refuses(-0.5), "a drive toward upright passed while the table runs deeper");
        assertFalse(at(MAX + 0.9).refuses(0.0), "a zero duty was refused");
    }

    @Test
    void driveTowardUprightIsRefusedTwoDegreesBelowHome() {
        assertFalse(at(HOME - 1.99).refuses(-0.5));
        assertTrue(at(HOME - 2.0).refuses(-0.5), "drove up into the end stop below home");
        assertFalse(at(HOME - 2.0).refuses(0.5), "the way down from below home was refused");
        assertFalse(at(HOME - 2.0).refuses(0.0));
    }

    @Test
    void aSteadySensorHasNoNoiseAndAnoisySensorWidensTheHardAllowance() {
        EnvelopeGuard steady = at(10.0);
        for (int i = 0; i < 200; i++) {
            steady.observe(10.0);
        }
        assertEquals(0.0, steady.filteredNoiseDeg(), 1e-12);

        // White noise of sigma 1 deg: the filtered angle's noise is sqrt(0.3 / 1.7) = 0.42 deg.
        Random random = new Random(42);
        EnvelopeGuard noisy = at(MAX + 1.5);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < 3000; i++) {
            noisy.observe(MAX + 1.5 + random.nextGaussian());
            if (i >= 1000) {
                sum += noisy.filteredNoiseDeg();
                n++;
            }
        }
        double noise = sum / n;
        assertEquals(Math.sqrt(0.3 / 1.7), noise, 0.03, "filtered noise estimate for 1 deg of raw noise");
        // 5 sigma = 2.1 deg > 1.5 deg: a noisy sensor resting past the limit is not taken for a runaway.
        for (int i = 0; i < 20; i++) {
            noisy.observe(MAX + 1.5);
        }
        assertFalse(noisy.pastHardLimit(), "cut at random with a noisy sensor at " + noisy.angleDeg()
                + " deg, noise " + noisy.filteredNoiseDeg());
        assertTrue(noisy.refuses(0.5), "still no deeper past the limit");
    }
}
