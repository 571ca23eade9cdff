package org.inversiontable.hil;

/**
 * The motor power behind the watchdog (U3, K2, the contactors K1/K3, hardware/WIRING.md §4) as the
 * jig sees it: the barrier that holds when everything in the Pi has failed (PI4J-NOTES: a killed
 * process may leave its outputs driven, the contactors must drop). Jig B reads U3's output, which
 * stands in for the contactors with RELAY_AUX's polarity (HIGH = in); the mock jig asks the
 * simulator's relay model.
 */
public enum RelayState {
    /** Motor power available: the WATCHDOG line has been toggling. */
    ENERGIZED,
    /** Motor power cut: the WATCHDOG line stopped toggling for the relay's drop time. */
    DROPPED,
    /** This jig has no watchdog relay board: relay checks are skipped with their reason. */
    NOT_FITTED
}
