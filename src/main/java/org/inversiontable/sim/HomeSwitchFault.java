package org.inversiontable.sim;

/** HOME end-stop faults a scenario can inject (SPEC §9). */
public enum HomeSwitchFault {
    /** Reports "at home" wherever the table is. */
    STUCK_OPEN,
    /** Never reports "at home". */
    STUCK_CLOSED
}
