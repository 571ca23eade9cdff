package org.inversiontable.hil;

/**
 * The external watchdog relay (K2, hardware/WIRING.md) as the jig reads its auxiliary contact: the
 * barrier that holds when everything in the Pi has failed (PI4J-NOTES: a killed process may leave
 * its outputs driven, the relay must drop).
 */
public enum RelayState {
    /** Motor power available: the WATCHDOG line has been toggling. */
    ENERGIZED,
    /** Motor power cut: the WATCHDOG line stopped toggling for the relay's drop time. */
    DROPPED,
    /** This jig has no watchdog relay board: relay checks are skipped with their reason. */
    NOT_FITTED
}
