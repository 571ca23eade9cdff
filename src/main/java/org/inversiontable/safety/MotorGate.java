package org.inversiontable.safety;

import java.util.function.Consumer;
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
 * from any thread either precedes a concurrent write (which then writes OFF) or overwrites it. The
 * e-stop path's failure handler is a volatile field, set once by the runtime before it starts.
 */
public final class MotorGate {
    private final HBridge motor;
    private final TroubleReports trouble;
    /** Who hears that the e-stop's own path threw (the runtime: motor off, exit 1, SPEC §12). */
    private volatile Consumer<Throwable> estopPathFailed = failure -> { };

    public MotorGate(HBridge motor, TroubleReports trouble) {
        if (motor == null || trouble == null) {
            throw new IllegalArgumentException("motor and trouble must not be null");
        }
        this.motor = motor;
        this.trouble = trouble;
    }

    /** Stop category 0 on the input event itself: power off now, latched, seen by the next tick. */
    public void onEstopEvent() {
        // Two catch blocks, not one multi-catch: a union type makes the bytecode's frames merge
        // RuntimeException and Error, which mutation testing's class writer cannot resolve on JDK 25.
        try {
            motor.inhibit();
            trouble.estopOpened();
        } catch (RuntimeException e) {
            throw estopPathFailed(e);
        } catch (Error e) {
            throw estopPathFailed(e);
        }
    }

    /** The e-stop still counts as opened; whoever watches the path hears of the failure. */
    private <T extends Throwable> T estopPathFailed(T e) {
        trouble.estopOpened();
        estopPathFailed.accept(e);
        return e;
    }

    /**
     * Tells {@code handler} when the e-stop's path itself fails (it runs on the input's event
     * thread, where nobody else would see the exception). The runtime ends the process (SPEC §12).
     */
    public void onEstopPathFailure(Consumer<Throwable> handler) {
        if (handler == null) {
            throw new IllegalArgumentException("handler must not be null");
        }
        estopPathFailed = handler;
    }

    /**
     * The fail-safe cut of the runtime, from any thread: power off now and latched, and reported
     * as a {@code loop_overrun} for the next tick, if one ever comes (the control thread failed or
     * is being stopped, so no tick will refresh the motor).
     */
    public void failSafeCut(String cause) {
        try {
            motor.inhibit();
        } finally {
            trouble.report(FaultCode.LOOP_OVERRUN, cause);
        }
    }

    /** The H-bridge's own 50 ms watchdog (SPEC §6); an expiry latches {@code motor_watchdog}. */
    public void checkWatchdog(long nowNanos) {
        if (motor.pollWatchdog(nowNanos)) {
            trouble.report(FaultCode.MOTOR_WATCHDOG, "the motor output was not refreshed for 50 ms");
        }
    }

    /**
     * Power off now and latched, for an orderly stop (SIGTERM, a window closed): nothing failed,
     * so nothing is reported. Any thread.
     */
    public void shutOff() {
        motor.inhibit();
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
