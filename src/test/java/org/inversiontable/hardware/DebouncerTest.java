package org.inversiontable.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DebouncerTest {
    private static final long DEBOUNCE = 20_000_000L;

    @Test
    void aBounceShorterThanTheDebounceTimeIsIgnored() {
        Debouncer d = Debouncer.symmetric(DEBOUNCE, false);
        assertFalse(d.update(true, 0));
        assertFalse(d.update(true, DEBOUNCE - 1));
        assertFalse(d.update(false, DEBOUNCE));
        assertFalse(d.update(true, DEBOUNCE + 1));
        assertFalse(d.update(true, 2 * DEBOUNCE), "the bounce must restart the wait");
        assertTrue(d.update(true, 2 * DEBOUNCE + 1));
    }

    @Test
    void bothEdgesOfASymmetricInputWait() {
        Debouncer d = Debouncer.symmetric(DEBOUNCE, true);
        assertTrue(d.update(false, 0));
        assertTrue(d.update(false, DEBOUNCE - 1));
        assertFalse(d.update(false, DEBOUNCE));
        assertFalse(d.update(true, DEBOUNCE + 5));
        assertTrue(d.update(true, 2 * DEBOUNCE + 5));
    }

    @Test
    void immediateLevelIsTakenOnTheFirstSampleAndOnlyTheReturnWaits() {
        Debouncer d = Debouncer.immediateWhenTrue(DEBOUNCE, false);
        assertTrue(d.update(true, 0));
        assertTrue(d.update(false, 1));
        assertTrue(d.update(false, DEBOUNCE));
        assertTrue(d.update(true, DEBOUNCE + 2), "a bounce back to true holds the stop");
        assertTrue(d.update(false, DEBOUNCE + 3));
        assertTrue(d.update(false, 2 * DEBOUNCE + 2));
        assertFalse(d.update(false, 2 * DEBOUNCE + 3));
    }

    @Test
    void zeroDebounceFollowsTheInput() {
        Debouncer d = Debouncer.symmetric(0, false);
        assertTrue(d.update(true, 0));
        assertFalse(d.update(false, 0));
    }

    @Test
    void negativeDebounceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Debouncer.symmetric(-1, false));
    }

    /** Property: the output only takes a level the input has held for the whole debounce time. */
    @Test
    void outputChangesOnlyAfterTheInputHeldTheNewLevelForTheDebounceTime() {
        Random random = new Random(42L);
        for (int run = 0; run < 200; run++) {
            boolean immediate = random.nextBoolean();
            Debouncer d = immediate ? Debouncer.immediateWhenTrue(DEBOUNCE, false) : Debouncer.symmetric(DEBOUNCE, false);
            long t = 0;
            boolean raw = false;
            boolean out = false;
            long rawSince = 0;
            for (int i = 0; i < 500; i++) {
                t += 1_000_000L + random.nextInt(9_000_000);
                boolean next = random.nextInt(4) == 0 ? !raw : raw;
                if (next != raw) {
                    raw = next;
                    rawSince = t;
                }
                boolean now = d.update(raw, t);
                if (now != out) {
                    assertEquals(raw, now, "output can only move to the input's level");
                    if (!(immediate && now)) {
                        assertTrue(t - rawSince >= DEBOUNCE, "changed after " + (t - rawSince) + " ns");
                    }
                }
                if (immediate && raw) {
                    assertTrue(now, "the immediate level must never be delayed");
                }
                out = now;
            }
        }
    }
}
