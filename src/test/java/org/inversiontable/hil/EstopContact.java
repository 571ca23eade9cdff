package org.inversiontable.hil;

/**
 * What the jig does to the e-stop's normally-closed contact (SPEC §4: a pressed button and a broken
 * wire must both read as stop).
 */
public enum EstopContact {
    /** Contact closed to ground: the input reads LOW, all is well. */
    CLOSED,
    /** The button pressed: the jig drives the line HIGH (jig B) or opens the contact (jig A). */
    OPEN,
    /**
     * The wire cut: the jig lets go of the line (high impedance), so only the Pi's own pull-up can
     * make it read stop. Where the jig cannot float the line (Pi4J's mocks), the same as {@link #OPEN}.
     */
    WIRE_BROKEN;

    public boolean readsAsStop() {
        return this != CLOSED;
    }
}
