package org.inversiontable.safety;

import org.inversiontable.hardware.MotorCommand;

/**
 * What the supervisor tells the controller at the start of a tick. The controller plans with
 * it (a return that is due, the envelope in force); the supervisor still gates whatever the
 * controller then asks for, so a controller that ignores this view cannot get past it.
 *
 * @param angleDeg        this tick's accepted IMU sample, NaN when there is none
 * @param angleTrusted    false once an IMU fault made the angle untrustworthy
 * @param estopLatched    the e-stop latch is set
 * @param fault           the latched fault, or null
 * @param returnActive    the automatic return is due or running: buttons are ignored
 * @param limpAllowed     a fault is latched and limp home may move the table toward upright
 * @param maxAngleNowDeg  the highest angle a move may target now (the angle limit, or less
 *                        when the inverted-time budget is spent)
 * @param onlyUpward      only HOME and UP may act, with the alarm: after a boot while inverted
 *                        (SPEC §7), or while a due return waits for a press (SPEC §4)
 * @param invertedS       inverted time of this session so far
 * @param event           null or the supervisor's event of this tick
 * @param appliedLastTick the command the gate put on the H-bridge on the previous tick (OFF
 *                        before the first): what the actuator really got, which may be less than
 *                        the controller asked (a cut, a refusal), for its model of the table
 */
public record SafetyView(double angleDeg, boolean angleTrusted, boolean estopLatched, FaultCode fault,
                         boolean returnActive, boolean limpAllowed, double maxAngleNowDeg, boolean onlyUpward,
                         double invertedS, TableEvent event,
                         MotorCommand appliedLastTick) {

    public boolean latched() {
        return estopLatched || fault != null;
    }
}
