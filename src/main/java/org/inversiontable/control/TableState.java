package org.inversiontable.control;

/** The states of SPEC §9, as the trace names them. */
public enum TableState {
    /** Starting: waiting for the first trusted angle sample. */
    BOOT,
    /** At rest at home. */
    IDLE,
    /** A move in progress (hold-to-run, HOME, PRESET or a controlled stop). */
    MOVING,
    /** At rest away from home. */
    HOLDING,
    /** The supervisor's automatic return toward upright; buttons ignored. */
    RETURNING,
    /** E-stop latched: motor power off until the e-stop is released and STOP is held 2 s. */
    ESTOP,
    /** A fault latched: motor disabled; limp home allowed while inverted. */
    FAULT,
    /** After a fault: UP held, moving toward upright at half the return speed. */
    LIMP_HOME
}
