package org.inversiontable.safety;

import org.inversiontable.hardware.HBridge;
import org.inversiontable.hardware.MotorCommand;

/**
 * The one holder of the H-bridge port: the narrow waist by construction, as WPILib's MotorSafety
 * is the one thing a motor cannot forget. Its public methods can only cut the motor; driving it
 * ({@link #write}) and lifting the e-stop's cut ({@link #release}) are open to the safety package
 * alone, where {@link SafetySupervisor#gate} and the reset rule call them.
 *
 * <pre>{@code
 * MotorGate gate = new MotorGate(hardware.motor(), trouble);   // the assembly: the port goes in, never out
 * panel.onEstopOpened(gate::onEstopEvent);                      // the e-stop's event thread
 * gate.checkWatchdog(nowNanos);                                  // the watchdog's thread, every few ms
 * }</pre>
 *
 * <p>Thread-safe as far as the port is: {@link HBridge} promises that {@link HBridge#inhibit()}
 * from any thread either precedes a concurrent write (which then writes OFF) or overwrites it.
 */
public final class MotorGate {
    private final HBridge motor;
    private final TroubleReports trouble;

    public MotorGate(HBridge motor, TroubleReports trouble) {
        if (motor == null || trouble == null) {
            throw new IllegalArgumentException("motor and trouble must not be null");
        }
        this.motor = motor;
        this.trouble = trouble;
    }

    /** Stop category 0 on the input event itself: power off now, latched, seen by the next tick. */
    public void onEstopEvent() {
        motor.inhibit();
        trouble.estopOpened();
    }

    /** The H-bridge's own 50 ms watchdog (SPEC §6); an expiry latches {@code motor_watchdog}. */
    public void checkWatchdog(long nowNanos) {
        if (motor.pollWatchdog(nowNanos)) {
            trouble.report(FaultCode.MOTOR_WATCHDOG, "the motor output was not refreshed for 50 ms");
        }
    }

    /** The command on the wires now. */
    public MotorCommand output() {
        return motor.output();
    }

    TroubleReports trouble() {
        return trouble;
    }

    /** The supervisor's gated command: the only write that can drive the motor. */
    void write(MotorCommand allowed, long nowNanos) {
        motor.apply(allowed, nowNanos);
    }

    /** Lifts the e-stop's cut; only the reset rule, once the e-stop is released and STOP held. */
    void release() {
        motor.clearInhibit();
        if (trouble.estopPending()) {
            // The contact opened again between the tick's read and this reset: keep it cut.
            motor.inhibit();
        }
    }

    /** Power off now and latched, from the control thread (the e-stop read as a level, a fault). */
    void cut() {
        motor.inhibit();
    }
}
