package org.inversiontable.safety;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.motion.JerkLimitedProfile;
import org.inversiontable.motion.ProfileState;

/**
 * The automatic return's state on the safety side (SPEC §3, §4, §7): when it starts, when it
 * waits for a press, when it ends, and how deep the controlled stop of a move that was going
 * down when it fell due may still go. The budget says when it is due; the controller drives it;
 * this says what the gate allows meanwhile.
 *
 * <pre>{@code
 * boolean started = ret.update(blockedByALatch, pressEdges, due, homeSwitchAtHome, applied, angleDeg);
 * if (ret.active() && ret.refusesDeeper(duty, angleDeg)) { ...OFF... }
 * }</pre>
 *
 * Only the control thread uses it.
 */
final class AutomaticReturn {
    /** Noise and bias allowance on top of the stopping distance of a return that began mid-move. */
    private static final double STOP_NOISE_ALLOWANCE_DEG = 0.5;

    private final ReturnResumeRule resume = new ReturnResumeRule();
    /** How much deeper than where it began the return's controlled stop may go (deg). */
    private final double stopAllowanceDeg;
    private boolean active;
    /** Where the return began when it owed a controlled stop; -infinity when it did not. */
    private double startAngleDeg = Double.NaN;

    AutomaticReturn(SafetySettings settings) {
        ProfileState fullSpeedDown = new ProfileState(0.0, settings.downLimits().vMaxDegPerS(), 0.0);
        this.stopAllowanceDeg = JerkLimitedProfile.stoppingDistanceDeg(fullSpeedDown, settings.downLimits())
                + STOP_NOISE_ALLOWANCE_DEG;
    }

    /**
     * One tick. The return runs in every state but ESTOP and the faults that leave the angle or
     * the drive untrusted; after a restart or such a latch it waits for a fresh UP or HOME press.
     *
     * @param blockedByALatch a latch stops the return this tick
     * @param pressEdges      buttons pressed this tick that were released the tick before
     * @param due             the budget calls for the return and the table is still inverted
     * @param applied         the command on the wires: a table still driven down owes a controlled stop
     * @return true on the tick the return starts
     */
    boolean update(boolean blockedByALatch, int pressEdges, boolean due, boolean homeSwitchAtHome,
            MotorCommand applied, double angleDeg) {
        resume.update(blockedByALatch, pressEdges, due);
        boolean blocked = blockedByALatch || resume.awaitsPress();
        if (active && (homeSwitchAtHome || blocked)) {
            active = false;
        } else if (!active && !blocked && due) {
            active = true;
            // A controlled stop is owed only to a table that was going deeper when the return fell due.
            startAngleDeg = applied.enabled() && applied.duty() > 0.0 ? angleDeg : Double.NEGATIVE_INFINITY;
            return true;
        }
        return false;
    }

    /**
     * Home by the angle and the return has come to rest: the HOME switch is not the only way to
     * finish, or a switch that never opens would keep the return alive forever.
     */
    void endIfHome(boolean wantedEnabled, boolean atHomeByAngle) {
        if (active && !wantedEnabled && atHomeByAngle) {
            active = false;
        }
    }

    /**
     * Buttons are ignored during the return; whatever the controller asks, never deeper than the
     * controlled stop of a move that was going down when the return fell due (cutting it instead
     * would be a hard stop under a person: only the e-stop does that).
     */
    boolean refusesDeeper(double angleDeg) {
        return angleDeg >= startAngleDeg + stopAllowanceDeg;
    }

    boolean active() {
        return active;
    }

    /** A due return that is not running waits for UP or HOME: nothing else may move the table. */
    boolean pending(boolean due) {
        return resume.pending(active, due);
    }
}
