package org.inversiontable.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PanelReadingTest {
    private static final int BUTTON_MASKS = 1 << Button.values().length;

    @Test
    void ofGivesTheReadingWithTheseValuesForEveryCombination() {
        for (int mask = 0; mask < BUTTON_MASKS; mask++) {
            for (int home = 0; home < 2; home++) {
                for (int stop = 0; stop < 2; stop++) {
                    assertEquals(new PanelReading(stop == 1, home == 1, mask), PanelReading.of(stop == 1, home == 1, mask));
                }
            }
        }
    }

    @Test
    void aTickTakesASharedReadingInsteadOfMakingOne() {
        int all = BUTTON_MASKS - 1;
        assertSame(PanelReading.of(true, false, all), PanelReading.of(true, false, all));
        assertSame(PanelReading.of(false, true, 0), PanelReading.of(false, true, 0));
    }

    @Test
    void aMaskBeyondTheButtonsIsStillMadeAsGiven() {
        assertEquals(new PanelReading(false, false, BUTTON_MASKS), PanelReading.of(false, false, BUTTON_MASKS));
        assertEquals(new PanelReading(true, true, -1), PanelReading.of(true, true, -1));
    }
}
