package org.inversiontable.safety;

import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PanelReading;

/**
 * After a fault, the only motion allowed (SPEC §6): UP pressed and held after the fault, toward
 * upright, at half the return speed; closed-loop on a trusted angle and never more than
 * {@value #WRONG_WAY_DEG} deg deeper than the most upright point reached, open-loop within the
 * travel-time bound of {@link LimpHomeGuard} when the angle is lost.
 *
 * <pre>{@code
 * limp.observeButtons(mask);                  // each tick
 * limp.onFault(code, lastTrustedAngleDeg);     // when a fault latches
 * MotorCommand c = limp.allowed(panel, wanted, code, angleTrusted, envelope, lastTrusted, now);
 * }</pre>
 *
 * Only the control thread uses it.
 */
final class LimpHomeGate {
    /** Limp home may use the duty of this many times its speed on an unloaded table (load headroom). */
    private static final double SPEED_HEADROOM = 2.0;
    /**
     * A limp-home drive that takes the table this much deeper is going the wrong way: stop it.
     * Below SPEC's 1 deg by the table's stopping distance (about 0.05 deg at limp speed): with the
     * fused angle, nearly free of noise, it is the true angle that crosses the threshold, no
     * longer a noise peak ahead of it.
     */
    private static final double WRONG_WAY_DEG = 0.8;

    private final LimpHomeGuard bound;
    private final double closedLoopDutyCap;
    private final double openLoopDutyCap;
    /** The most upright angle limp home has reached since the fault; deeper than this is refused. */
    private double bestAngleDeg = Double.NaN;
    private boolean blocked;
    /** Limp home needs UP pressed after the fault: a button held through it does not count. */
    private boolean armed;

    LimpHomeGate(SafetySettings settings) {
        this.bound = new LimpHomeGuard(settings.homeDeg(), SafetySettings.limpSpeedDegPerS(settings.returnLimits()));
        double minDuty = settings.actuatorMinDuty();
        double unloadedDutyPerDegS = (1.0 - minDuty) / settings.actuatorSpeedDegPerS();
        this.closedLoopDutyCap = minDuty + unloadedDutyPerDegS * SPEED_HEADROOM * bound.limpSpeedDegPerS();
        // Without a trusted angle nothing can see the speed: the duty that moves an unloaded table
        // at the limp speed. The user's weight only slows a self-locking screw going up, so no
        // user (40-150 kg) goes faster, at any angle; a heavy one goes slower, within the bound.
        this.openLoopDutyCap = minDuty + unloadedDutyPerDegS * bound.limpSpeedDegPerS();
    }

    /** An UP that is released re-arms limp home; one held through the fault does not. */
    void observeButtons(int buttonsMask) {
        armed |= !Button.UP.in(buttonsMask);
    }

    /** A fault latched: UP must be pressed again; a lost angle starts the open-loop bound. */
    void onFault(FaultCode code, double lastTrustedAngleDeg) {
        armed = false;
        if (!code.angleAndDriveTrusted()) {
            bound.startOpenLoop(lastTrustedAngleDeg);
        }
    }

    void reset() {
        bound.reset();
        blocked = false;
        bestAngleDeg = Double.NaN;
    }

    /** What limp home lets through of the controller's command; OFF unless UP is held. */
    MotorCommand allowed(PanelReading panel, MotorCommand wanted, FaultCode code, boolean angleTrusted,
            EnvelopeGuard envelope, double lastTrustedAngleDeg, long nowNanos) {
        boolean upHeld = panel.pressed(Button.UP) && armed;
        boolean switchTrusted = code != FaultCode.HOME_SWITCH_DISAGREE;
        boolean refuse = !upHeld || wanted.duty() >= 0.0 || switchTrusted && panel.homeSwitchAtHome();
        if (!refuse && !angleTrusted) {
            // Open loop, whatever the fault that came first (the angle may be lost after a
            // trusted one): always within the travel-time bound.
            if (!bound.started()) {
                bound.startOpenLoop(lastTrustedAngleDeg);
            }
            refuse = !bound.allowOpenLoop(true, nowNanos);
        } else {
            bound.allowOpenLoop(false, nowNanos);
        }
        if (!refuse && angleTrusted) {
            double angle = envelope.angleDeg();
            // A reversed or runaway drive under limp home would take the user deeper: never more
            // than a degree past the most upright point limp home has reached since the fault.
            bestAngleDeg = Double.isNaN(bestAngleDeg) ? angle : Math.min(bestAngleDeg, angle);
            blocked |= angle > bestAngleDeg + WRONG_WAY_DEG;
            refuse = blocked || envelope.refuses(wanted.duty());
        }
        if (refuse) {
            return MotorCommand.OFF;
        }
        // Capped, not refused: a loaded table needs more duty than an empty one for the same speed;
        // closed loop the controller's tracking holds the speed on the angle, open loop the cap does.
        double cap = angleTrusted ? closedLoopDutyCap : openLoopDutyCap;
        return MotorCommand.drive(Math.max(wanted.duty(), -cap));
    }
}
