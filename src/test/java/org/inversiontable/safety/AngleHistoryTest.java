package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The motion detectors' shared line through recent samples: exact on a line, bounded, windowed. */
class AngleHistoryTest {
    private static final long MS = 1_000_000L;

    @Test
    void aTableMovingAtConstantSpeedReadsThatSpeedExactly() {
        AngleHistory h = new AngleHistory(1000 * MS, 10 * MS);
        for (long t = 0; t <= 2000; t += 10) {
            h.add(t * MS, 5.0 + 2.5 * t / 1000.0);
            h.forgetBefore(t * MS - 1000 * MS, true);
        }
        assertEquals(2.5, h.slopeDegPerS(2000 * MS, 500 * MS, true, 3), 1e-9);
    }

    @Test
    void theWindowStartIsInOrOutAsAsked() {
        AngleHistory h = new AngleHistory(1000 * MS, 10 * MS);
        h.add(0, 0.0);
        h.add(10 * MS, 1.0);
        h.add(20 * MS, 2.0);
        assertEquals(100.0, h.slopeDegPerS(20 * MS, 20 * MS, true, 3), 1e-9);
        assertTrue(Double.isNaN(h.slopeDegPerS(20 * MS, 20 * MS, false, 3)), "only two samples inside");
        assertEquals(100.0, h.slopeDegPerS(20 * MS, 20 * MS, false, 2), 1e-9);
    }

    @Test
    void forgottenSamplesNoLongerCount() {
        AngleHistory h = new AngleHistory(1000 * MS, 10 * MS);
        h.add(0, 50.0);             // a far-off old sample would tilt the line
        h.add(10 * MS, 1.0);
        h.add(20 * MS, 1.0);
        h.add(30 * MS, 1.0);
        h.forgetBefore(10 * MS, false);
        assertEquals(2, countable(h, 30 * MS), "a sample exactly at the cut is dropped when not kept");
        h.forgetBefore(0, true);
        assertEquals(0.0, h.slopeDegPerS(30 * MS, 1000 * MS, true, 2), 1e-9);
    }

    @Test
    void aFullRingDropsTheOldestAndNeverGrows() {
        AngleHistory h = new AngleHistory(30 * MS, 10 * MS);   // room for 7
        for (int i = 0; i < 100; i++) {
            h.add(i * 10 * MS, i);
        }
        assertEquals(100.0, h.slopeDegPerS(990 * MS, 10_000 * MS, true, 7), 1e-9);
        assertTrue(Double.isNaN(h.slopeDegPerS(990 * MS, 10_000 * MS, true, 8)), "only 7 kept");
        h.clear();
        assertTrue(Double.isNaN(h.slopeDegPerS(990 * MS, 10_000 * MS, true, 1)));
    }

    @Test
    void aSlowCreepAtTheDeepestAngleOverTheLongestWindowReadsExactly() {
        // The sums of one pass cancel most where the angle is large, the window long and the speed
        // small: 400 samples of 4 s near 90 deg, creeping at 0.01 deg/s after an hour of run time.
        AngleHistory h = new AngleHistory(4000 * MS, 10 * MS);
        long start = 3_600_000 * MS;
        for (long t = 0; t <= 4000; t += 10) {
            h.add(start + t * MS, 89.9 + 0.01 * t / 1000.0 + (t % 20 == 0 ? 0.3 : -0.3));
        }
        assertEquals(0.01, h.slopeDegPerS(start + 4000 * MS, 4000 * MS, true, 3), 1e-9);
    }

    private static int countable(AngleHistory h, long nowNanos) {
        int n = 0;
        while (!Double.isNaN(h.slopeDegPerS(nowNanos, 1000 * MS, true, n + 1))) {
            n++;
        }
        return n;
    }
}
