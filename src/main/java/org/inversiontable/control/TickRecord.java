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
 * @param heartbeat    the WATCHDOG line's level after this tick
 * @param limitAngleDeg  the angle limit in force (SPEC §3)
 * @param limitInvertedS the inverted-time limit in force
 */
public record TickRecord(long timeNanos, TableState state, double angleMeasDeg, MotorCommand applied,
                         double invertedS, boolean estop, boolean homeSwitch, FaultCode fault, TableEvent event,
                         boolean heartbeat, double limitAngleDeg, double limitInvertedS) {

    /** The same tick with another event (the session keeper's, on a row that had none). */
    public TickRecord withEvent(TableEvent newEvent) {
        return new TickRecord(timeNanos, state, angleMeasDeg, applied, invertedS, estop, homeSwitch, fault, newEvent,
                heartbeat, limitAngleDeg, limitInvertedS);
    }
}
