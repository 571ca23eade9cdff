package org.inversiontable.control;

import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.TickInputs;

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
 * @param inputs         the raw inputs the tick read (sensor reading, panel, time), for the trace and
 *                       replay; null only in records made by tests without them
 * @param estopReported  the tick took an e-stop report from off the control thread (its input event)
 * @param faultReported  null, or the fault reported from off the control thread that the tick took
 *                       ({@code motor_watchdog}); with {@code inputs}, what replay needs to run the tick again
 * @param estopCutInTick an e-stop event cut the motor during this tick, after the reports were taken
 *                       (the H-bridge refused the gated command; the next tick takes the report)
 * @param profile        null, or the profile in force (SPEC §13)
 * @param level          the progression level in force; -1 when the profile has none
 * @param restRefused    the rest between sessions (SPEC §13) refused a session start on this tick:
 *                       an input of the tick from the wall clock, which replay re-injects
 */
public record TickRecord(long timeNanos, TableState state, double angleMeasDeg, MotorCommand applied,
                         double invertedS, boolean estop, boolean homeSwitch, FaultCode fault, TableEvent event,
                         boolean heartbeat, double limitAngleDeg, double limitInvertedS, TickInputs inputs,
                         boolean estopReported, FaultCode faultReported, boolean estopCutInTick, String profile,
                         int level, boolean restRefused) {

    /** A record of a table without profiles. */
    public TickRecord(long timeNanos, TableState state, double angleMeasDeg, MotorCommand applied,
                      double invertedS, boolean estop, boolean homeSwitch, FaultCode fault, TableEvent event,
                      boolean heartbeat, double limitAngleDeg, double limitInvertedS, TickInputs inputs,
                      boolean estopReported, FaultCode faultReported, boolean estopCutInTick) {
        this(timeNanos, state, angleMeasDeg, applied, invertedS, estop, homeSwitch, fault, event, heartbeat,
                limitAngleDeg, limitInvertedS, inputs, estopReported, faultReported, estopCutInTick, null, -1, false);
    }

    /** A record without the raw inputs (tests of what reads only the outputs). */
    public TickRecord(long timeNanos, TableState state, double angleMeasDeg, MotorCommand applied,
                      double invertedS, boolean estop, boolean homeSwitch, FaultCode fault, TableEvent event,
                      boolean heartbeat, double limitAngleDeg, double limitInvertedS) {
        this(timeNanos, state, angleMeasDeg, applied, invertedS, estop, homeSwitch, fault, event, heartbeat,
                limitAngleDeg, limitInvertedS, null, false, null, false);
    }

    /** The same tick with another event (the session keeper's, on a row that had none). */
    public TickRecord withEvent(TableEvent newEvent) {
        return new TickRecord(timeNanos, state, angleMeasDeg, applied, invertedS, estop, homeSwitch, fault, newEvent,
                heartbeat, limitAngleDeg, limitInvertedS, inputs, estopReported, faultReported, estopCutInTick,
                profile, level, restRefused);
    }
}
