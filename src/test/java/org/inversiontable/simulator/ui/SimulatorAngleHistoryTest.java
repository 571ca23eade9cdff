package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulatorAngleHistoryTest {
    @Test
    void keepsTheLastSixtySecondsOldestFirst() {
        AngleHistory h = new AngleHistory();
        for (int i = 0; i <= 3000; i++) { // 100 s at 30 Hz
            h.add(i / 30.0, i, i + 0.5);
        }
        assertEquals(100.0, h.latestS(), 1e-9);
        assertTrue(h.timeS(0) >= 100.0 - AngleHistory.WINDOW_S - 1e-9, "oldest " + h.timeS(0));
        assertTrue(h.timeS(0) < 100.0 - AngleHistory.WINDOW_S + 0.04);
        assertEquals(h.trueDeg(h.size() - 1) + 0.5, h.measDeg(h.size() - 1));
    }

    @Test
    void theSameTickSeenTwiceIsOneSample() {
        AngleHistory h = new AngleHistory();
        h.add(1.0, 5, 5);
        h.add(1.0, 6, 6);
        assertEquals(1, h.size());
    }

    @Test
    void staysBoundedWhateverTheRate() {
        AngleHistory h = new AngleHistory();
        for (int i = 0; i < 20_000; i++) {
            h.add(i * 0.001, 0, Double.NaN);
        }
        assertEquals(AngleHistory.CAPACITY, h.size());
        assertTrue(Double.isNaN(h.measDeg(0)));
    }
}
