package org.inversiontable.sim;

/** Actuator faults a scenario can inject (SPEC §9). */
public enum MotorFault {
    /** The actuator stops moving whatever the command. */
    STALL,
    /** The actuator moves opposite to the commanded direction. */
    REVERSED
}
