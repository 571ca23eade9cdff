package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulatorBuzzerBeepsTest {
    @Test
    void beepsAtSwitchOnThenOncePerSecondAndNeverWhenOff() {
        BuzzerBeeps b = new BuzzerBeeps();
        assertFalse(b.update(false, 0));
        assertTrue(b.update(true, 10));
        assertFalse(b.update(true, 10 + BuzzerBeeps.REPEAT_NANOS - 1));
        assertTrue(b.update(true, 10 + BuzzerBeeps.REPEAT_NANOS));
        assertFalse(b.update(false, 3 * BuzzerBeeps.REPEAT_NANOS));
        assertTrue(b.update(true, 3 * BuzzerBeeps.REPEAT_NANOS + 1), "a new switch-on beeps at once");
    }

    @Test
    void noAudioDeviceIsNeverAnError() {
        Tone tone = Tone.sampled();
        tone.beep(); // on a machine without sound this is silently nothing
        tone.close();
        tone.beep();
    }
}
