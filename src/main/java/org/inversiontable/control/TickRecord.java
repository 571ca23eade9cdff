package org.inversiontable.control;

import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.TickInputs;

/**
 * What one control tick saw and did: the controller's half of a SPEC §10 trace row (the
 * simulator adds the true angle).
 *
 * <p>Not a record, so that the 100 Hz tick allocates nothing (SPEC §11): {@link ControlLoop} owns
 * one and refills it every tick, so the one {@link ControlLoop#tick()} returns is valid until the
 * next tick and is confined to the control thread. Whoever keeps it longer, or hands it to another
 * thread, takes a {@link #copy()} (or turns it into a trace row, as the recorder does, before the
 * next tick). A record made with a constructor, a copy, or {@link #withEvent} is never changed.
 *
 * <p>The values:
 * <ul>
 * <li>{@code angleMeasDeg}: the accepted IMU sample, NaN when the tick had none
 * <li>{@code fault}: null or the fault code in force (a latched fault, or a stuck button report)
 * <li>{@code event}: null or this tick's event
 * <li>{@code heartbeat}: the WATCHDOG line's level after this tick
 * <li>{@code limitAngleDeg}, {@code limitInvertedS}: the angle and inverted-time limits in force (SPEC §3)
 * <li>{@code inputs}: the raw inputs the tick read (sensor reading, panel, time), for the trace and
 *     replay; null only in records made by tests without them
 * <li>{@code estopReported}: the tick took an e-stop report from off the control thread (its input event)
 * <li>{@code faultReported}: null, or the fault reported from off the control thread that the tick took
 *     ({@code motor_watchdog}); with {@code inputs}, what replay needs to run the tick again
 * <li>{@code estopCutInTick}: an e-stop event cut the motor during this tick, after the reports were
 *     taken (the H-bridge refused the gated command; the next tick takes the report)
 * <li>{@code profile}: null, or the profile in force (SPEC §13)
 * <li>{@code level}: the progression level in force; -1 when the profile has none
 * <li>{@code restRefused}: the rest between sessions (SPEC §13) refused a session start on this tick:
 *     an input of the tick from the wall clock, which replay re-injects
 * </ul>
 */
public final class TickRecord {
    private long timeNanos;
    private TableState state;
    private double angleMeasDeg;
    private MotorCommand applied;
    private double invertedS;
    private boolean estop;
    private boolean homeSwitch;
    private FaultCode fault;
    private TableEvent event;
    private boolean heartbeat;
    private double limitAngleDeg;
    private double limitInvertedS;
    private TickInputs inputs;
    private boolean estopReported;
    private FaultCode faultReported;
    private boolean estopCutInTick;
    private String profile;
    private int level;
    private boolean restRefused;

    /** The loop's own, refilled every tick. */
    TickRecord() {
    }

    public TickRecord(long timeNanos, TableState state, double angleMeasDeg, MotorCommand applied,
                      double invertedS, boolean estop, boolean homeSwitch, FaultCode fault, TableEvent event,
                      boolean heartbeat, double limitAngleDeg, double limitInvertedS, TickInputs inputs,
                      boolean estopReported, FaultCode faultReported, boolean estopCutInTick, String profile,
                      int level, boolean restRefused) {
        fill(timeNanos, state, angleMeasDeg, applied, invertedS, estop, homeSwitch, fault, event, heartbeat,
                limitAngleDeg, limitInvertedS, inputs, estopReported, faultReported, estopCutInTick, profile, level,
                restRefused);
    }

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

    /** Overwrites every value: the loop's record, once a tick, on the control thread. */
    void fill(long timeNanos, TableState state, double angleMeasDeg, MotorCommand applied,
              double invertedS, boolean estop, boolean homeSwitch, FaultCode fault, TableEvent event,
              boolean heartbeat, double limitAngleDeg, double limitInvertedS, TickInputs inputs,
              boolean estopReported, FaultCode faultReported, boolean estopCutInTick, String profile,
              int level, boolean restRefused) {
        this.timeNanos = timeNanos;
        this.state = state;
        this.angleMeasDeg = angleMeasDeg;
        this.applied = applied;
        this.invertedS = invertedS;
        this.estop = estop;
        this.homeSwitch = homeSwitch;
        this.fault = fault;
        this.event = event;
        this.heartbeat = heartbeat;
        this.limitAngleDeg = limitAngleDeg;
        this.limitInvertedS = limitInvertedS;
        this.inputs = inputs;
        this.estopReported = estopReported;
        this.faultReported = faultReported;
        this.estopCutInTick = estopCutInTick;
        this.profile = profile;
        this.level = level;
        this.restRefused = restRefused;
    }

    /** The same tick with another event (the session keeper's, on a row that had none): a new record. */
    public TickRecord withEvent(TableEvent newEvent) {
        return new TickRecord(timeNanos, state, angleMeasDeg, applied, invertedS, estop, homeSwitch, fault, newEvent,
                heartbeat, limitAngleDeg, limitInvertedS, inputs == null ? null : inputs.copy(), estopReported,
                faultReported, estopCutInTick, profile, level, restRefused);
    }

    /** A record of this tick that the next tick does not change: to keep it, or to hand it on. */
    public TickRecord copy() {
        return withEvent(event);
    }

    public long timeNanos() {
        return timeNanos;
    }

    public TableState state() {
        return state;
    }

    public double angleMeasDeg() {
        return angleMeasDeg;
    }

    public MotorCommand applied() {
        return applied;
    }

    public double invertedS() {
        return invertedS;
    }

    public boolean estop() {
        return estop;
    }

    public boolean homeSwitch() {
        return homeSwitch;
    }

    public FaultCode fault() {
        return fault;
    }

    public TableEvent event() {
        return event;
    }

    public boolean heartbeat() {
        return heartbeat;
    }

    public double limitAngleDeg() {
        return limitAngleDeg;
    }

    public double limitInvertedS() {
        return limitInvertedS;
    }

    public TickInputs inputs() {
        return inputs;
    }

    public boolean estopReported() {
        return estopReported;
    }

    public FaultCode faultReported() {
        return faultReported;
    }

    public boolean estopCutInTick() {
        return estopCutInTick;
    }

    public String profile() {
        return profile;
    }

    public int level() {
        return level;
    }

    public boolean restRefused() {
        return restRefused;
    }

    @Override
    public String toString() {
        return "TickRecord[timeNanos=" + timeNanos + ", state=" + state + ", angleMeasDeg=" + angleMeasDeg
                + ", applied=" + applied + ", invertedS=" + invertedS + ", fault=" + fault + ", event=" + event + "]";
    }
}
