package org.inversiontable.control;

import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.hardware.MotorCommand;

/**
 * What one control tick saw and did: the controller's half of a SPEC §10 trace row (the
 * simulator adds the true angle).
 *
 * @param angleMeasDeg the accepted IMU sample, NaN when the tick had none
 * @param fault        null or the fault code in force (a latched fault, or a stuck button report)
 * @param event        null or this tick's event
 */
public record TickRecord(long timeNanos, TableState state, double angleMeasDeg, MotorCommand applied,
                         double invertedS, boolean estop, boolean homeSwitch, FaultCode fault, TableEvent event) {
}
