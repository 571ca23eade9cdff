package org.inversiontable.sim;

/** What a scenario's {@code clear} statement clears. */
public enum FaultGroup {
    IMU, MOTOR, HOME_SWITCH
}
