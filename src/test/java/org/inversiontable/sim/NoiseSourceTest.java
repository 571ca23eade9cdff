package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NoiseSourceTest {

    @Test
    void drawsJavaUtilRandomsGaussiansBitForBitForEverySeed() {
        long[] seeds = {0L, 1L, -1L, 42L, 0x6A09E667F3BCC908L, Long.MIN_VALUE, Long.MAX_VALUE, 123_456_789L};
        for (long seed : seeds) {
            Random expected = new Random(seed);
            NoiseSource actual = new NoiseSource(seed);
            for (int i = 0; i < 200_000; i++) {
                double e = expected.nextGaussian();
                double a = actual.nextGaussian();
                assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(a),
                        () -> "seed " + seed + ": draw differs from java.util.Random's");
            }
        }
    }
}
