package org.inversiontable.hardware;

/** The hand controller's buttons (SPEC §4). Each has one bit in a {@link PanelReading} mask. */
public enum Button {
    UP, DOWN, HOME, PRESET, STOP;

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }
}
