package org.inversiontable.calibration;

/** What the procedure asks of the table's drive this tick: hold-to-run in one direction, or stop. */
public enum DriveRequest {
    STOP,
    TOWARD_INVERSION,
    TOWARD_UPRIGHT
}
