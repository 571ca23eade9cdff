package org.inversiontable.sim;

/** Actuator faults a scenario can inject (SPEC §9). */
public enum MotorFault {
    /** The actuator stops moving whatever the command. */
    STALL,
    /** The actuator moves opposite to the commanded direction. */
    REVERSED,
    /**
     * A shorted H-bridge: the actuator drives on at full speed in the direction it was last
     * driven, whatever the duty and the enable line, until motor power is cut (the watchdog
     * relay) or a mechanical stop. Injected at rest before any drive, it waits for the first one.
     */
    RUNAWAY
}
