package org.inversiontable.safety;

import org.inversiontable.hardware.MotorCommand;

/**
 * What the supervisor tells the controller at the start of a tick. The controller plans with
 * it (a return that is due, the envelope in force); the supervisor still gates whatever the
 * controller then asks for, so a controller that ignores this view cannot get past it.
 *
 * <p>Not a record, so that the 100 Hz tick allocates nothing (SPEC §11): the supervisor owns one
 * and refills it in every {@code assess}, so the view it returns is valid until the next tick and
 * confined to the control thread. One made with the constructor never changes.
 *
 * <p>The values:
 * <ul>
 * <li>{@code angleDeg}: this tick's accepted IMU sample, NaN when there is none
 * <li>{@code angleTrusted}: false once an IMU fault made the angle untrustworthy
 * <li>{@code estopLatched}: the e-stop latch is set
 * <li>{@code fault}: the latched fault, or null
 * <li>{@code returnActive}: the automatic return is due or running: buttons are ignored
 * <li>{@code limpAllowed}: a fault is latched and limp home may move the table toward upright
 * <li>{@code maxAngleNowDeg}: the highest angle a move may target now (the angle limit, or less
 *                        when the inverted-time budget is spent)
 * <li>{@code onlyUpward}: only HOME and UP may act, with the alarm: after a boot while inverted
 *                        (SPEC §7), or while a due return waits for a press (SPEC §4)
 * <li>{@code invertedS}: inverted time of this session so far
 * <li>{@code event}: null or the supervisor's event of this tick
 * <li>{@code appliedLastTick}: the command the gate put on the H-bridge on the previous tick (OFF
 *                        before the first): what the actuator really got, which may be less than
 *                        the controller asked (a cut, a refusal), for its model of the table
 * </ul>
 */
public final class SafetyView {
    private double angleDeg;
    private boolean angleTrusted;
    private boolean estopLatched;
    private FaultCode fault;
    private boolean returnActive;
    private boolean limpAllowed;
    private double maxAngleNowDeg;
    private boolean onlyUpward;
    private double invertedS;
    private TableEvent event;
    private MotorCommand appliedLastTick;

    /** The supervisor's own, refilled every tick. */
    SafetyView() {
    }

    public SafetyView(double angleDeg, boolean angleTrusted, boolean estopLatched, FaultCode fault, boolean returnActive, boolean limpAllowed, double maxAngleNowDeg, boolean onlyUpward, double invertedS, TableEvent event, MotorCommand appliedLastTick) {
        fill(angleDeg, angleTrusted, estopLatched, fault, returnActive, limpAllowed, maxAngleNowDeg, onlyUpward, invertedS, event, appliedLastTick);
    }

    /** Overwrites every value: the supervisor's view, once a tick, on the control thread. */
    void fill(double angleDeg, boolean angleTrusted, boolean estopLatched, FaultCode fault, boolean returnActive, boolean limpAllowed, double maxAngleNowDeg, boolean onlyUpward, double invertedS, TableEvent event, MotorCommand appliedLastTick) {
        this.angleDeg = angleDeg;
        this.angleTrusted = angleTrusted;
        this.estopLatched = estopLatched;
        this.fault = fault;
        this.returnActive = returnActive;
        this.limpAllowed = limpAllowed;
        this.maxAngleNowDeg = maxAngleNowDeg;
        this.onlyUpward = onlyUpward;
        this.invertedS = invertedS;
        this.event = event;
        this.appliedLastTick = appliedLastTick;
    }

    public boolean latched() {
        return estopLatched || fault != null;
    }

    public double angleDeg() {
        return angleDeg;
    }

    public boolean angleTrusted() {
        return angleTrusted;
    }

    public boolean estopLatched() {
        return estopLatched;
    }

    public FaultCode fault() {
        return fault;
    }

    public boolean returnActive() {
        return returnActive;
    }

    public boolean limpAllowed() {
        return limpAllowed;
    }

    public double maxAngleNowDeg() {
        return maxAngleNowDeg;
    }

    public boolean onlyUpward() {
        return onlyUpward;
    }

    public double invertedS() {
        return invertedS;
    }

    public TableEvent event() {
        return event;
    }

    public MotorCommand appliedLastTick() {
        return appliedLastTick;
    }

    @Override
    public String toString() {
        return "SafetyView[angleDeg=" + angleDeg + ", angleTrusted=" + angleTrusted + ", estopLatched=" + estopLatched
                + ", fault=" + fault + ", returnActive=" + returnActive + ", event=" + event + "]";
    }
}
