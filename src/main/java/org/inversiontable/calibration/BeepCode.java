package org.inversiontable.calibration;

/**
 * What the buzzer says during {@code calibrate}, so that the builder at the table need not read the
 * screen (docs/calibration.md lists them): a step's number in short beeps, five short beeps when
 * the calibration is stored, one long beep when it stops without one.
 */
public enum BeepCode {
    /** Step 1: put the table at home (on its end stop), then press STOP. */
    STEP_HOME(1, false),
    /** Step 2: hold DOWN to bring the bed near level, level it with a spirit level, press STOP. */
    STEP_LEVEL(2, false),
    /** Step 3: hold DOWN for the short axis-check move. */
    STEP_AXIS_CHECK(3, false),
    /** The calibration is measured, checked and stored. */
    STORED(5, false),
    /** Calibration stopped; the console says why. Nothing was stored. */
    FAILED(0, true);

    private final int shortBeeps;
    private final boolean longBeep;

    BeepCode(int shortBeeps, boolean longBeep) {
        this.shortBeeps = shortBeeps;
        this.longBeep = longBeep;
    }

    public int shortBeeps() {
        return shortBeeps;
    }

    public boolean longBeep() {
        return longBeep;
    }
}
