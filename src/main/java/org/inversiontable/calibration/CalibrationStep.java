package org.inversiontable.calibration;

/** The procedure's states, in the order a successful calibration passes them. */
public enum CalibrationStep {
    /** Nothing done yet; the first tick beeps and prompts. */
    START,
    /** Waiting for STOP with the table on its HOME end stop (UP may bring it there). */
    AWAIT_HOME,
    /** Sampling at home, at rest. */
    SAMPLE_HOME,
    /** DOWN held moves the bed toward level; it stops by itself short of it. */
    MOVE_TOWARD_LEVEL,
    /** The builder levels the bed with UP and DOWN and a spirit level, then presses STOP. */
    LEVEL,
    /** Sampling level, at rest; then the fit. */
    SAMPLE_LEVEL,
    /** Waiting for DOWN to start the axis-check move. */
    AWAIT_AXIS_CHECK,
    /** The axis-check move, while DOWN is held. */
    AXIS_CHECK_MOVE,
    /** The table comes to rest after the move; then the check and the store. */
    AXIS_CHECK_SETTLE,
    /**
     * The result is in (stored, or refused with the table still drivable): UP held brings the table
     * back onto its HOME end stop, so that the next start of the service finds it home; STOP leaves
     * it where it is. Then {@link #DONE} or {@link #FAILED}, as the result was.
     */
    RETURN_HOME,
    /** Stored. */
    DONE,
    /** Stopped without storing; see the refusal. */
    FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
