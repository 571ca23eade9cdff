package org.inversiontable.calibration;

import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.PanelReading;

/**
 * Buttons that count only after they have been seen released (SPEC §4): the STOP press that ends
 * one step, still held, is no press in the next; a DOWN held from an earlier step moves nothing.
 * {@link #rearm()} at every step's start.
 *
 * <p>Not thread-safe: the procedure's thread only.
 */
final class FreshButtons {
    private int armedMask;
    private int heldMask;
    private int pressedNowMask;

    /** A button released at this moment counts as seen released; a held one must be let go first. */
    void rearm() {
        armedMask = ~heldMask;
        pressedNowMask = 0;
    }

    void update(PanelReading panel) {
        int now = panel.buttonsMask();
        pressedNowMask = now & ~heldMask & armedMask;
        armedMask |= ~now;
        heldMask = now;
    }

    /** Held, by a press that followed a release seen since the last rearm. */
    boolean held(Button b) {
        return b.in(heldMask) && b.in(armedMask);
    }

    /** Pressed at this update, after a release seen since the last rearm. */
    boolean pressed(Button b) {
        return b.in(pressedNowMask);
    }
}
