package org.inversiontable.control;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.motion.ProfileState;

/**
 * Closed-loop position control on the estimated angle, tracking the motion profile: the
 * profile's speed as feed-forward through the actuator's own curve, plus the user's load, plus a
 * small proportional correction of the position error. The feed-forward does the work. The load
 * (the user's weight about the pivot, which pulls toward inversion in proportion to the cosine of
 * the angle) is learned by integrating the position error and kept from move to move, so after
 * the first move the actuator gets the right duty from the start instead of catching up. The
 * proportional gain stays small so the sensor noise barely reaches the motor (measured: a gain of
 * 0.25 made 0.3 deg of noise into 0.3 deg/s of speed ripple).
 */
final class PositionLoop {
    /** Duty per degree of position error. */
    private static final double KP_DUTY_PER_DEG = 0.1;
    /** Duty per degree-second of position error: learns a load of 0.05 duty in about a second. */
    private static final double KI_DUTY_PER_DEG_S = 0.15;
    /** The learned load never holds more than this much duty (an 80 kg user needs about 0.05). */
    private static final double MAX_LOAD_DUTY = 0.25;
    /** Beyond this tracking error the drive is not following, and there is no load to learn. */
    private static final double LEARNING_ERROR_LIMIT_DEG = 2.0;
    /** Below this the actuator does not move (static friction); corrections are lifted past it. */
    private static final double MIN_CORRECTION_DUTY = 0.05;
    /** The load of a typical (80 kg) user, for open-loop limp home before any load was learned. */
    private static final double TYPICAL_LOAD_DUTY_AT_FLAT = -0.05;
    /** A final nudge is at least this far above static friction, or it would not move at all. */
    private static final double MIN_NUDGE_ABOVE_FRICTION_DUTY = 0.01;

    private final double actuatorSpeedDegPerS;
    private final double minDuty;
    private final double lagS;
    /** The learned load: duty that holds the user's weight with the bed flat (cos 0 = 1). */
    private double loadDutyAtFlat;
    private double loadDutyAtMoveStart;

    PositionLoop(double actuatorSpeedDegPerS, double minDuty, double lagS) {
        this.actuatorSpeedDegPerS = actuatorSpeedDegPerS;
        this.minDuty = minDuty;
        this.lagS = lagS;
    }

    /** A move begins: what is known of the load now is kept, in case this move goes wrong. */
    void moveStarts() {
        loadDutyAtMoveStart = loadDutyAtFlat;
    }

    /** The drive misbehaved during this move: what was learned in it is not the user's weight. */
    void forgetThisMove() {
        loadDutyAtFlat = loadDutyAtMoveStart;
    }

    MotorCommand track(ProfileState reference, double estimatedAngleDeg, double dtS) {
        // The actuator's own curve: nothing below the static-friction duty, then linear to full
        // speed. Without the offset every move starts late and then catches up too hard.
        // Ask for the speed the profile will want one actuator lag from now, so the lag does not
        // turn into a position error that the correction then catches up on too hard.
        double v = reference.velocityDegPerS() + lagS * reference.accelerationDegPerS2();
        double feedForward = v == 0.0 ? 0.0
                : Math.signum(v) * (minDuty + (1.0 - minDuty) * Math.abs(v) / actuatorSpeedDegPerS);
        double errorDeg = reference.positionDeg() - estimatedAngleDeg;
        double cosAngle = Math.cos(Math.toRadians(estimatedAngleDeg));
        if (v != 0.0) {
            // Learn only while moving and tracking: at rest the self-locking screw carries the
            // load, and a large error means a stalled or blocked drive, not a heavy user.
            if (Math.abs(errorDeg) < LEARNING_ERROR_LIMIT_DEG) {
                loadDutyAtFlat = Math.max(-MAX_LOAD_DUTY,
                        Math.min(MAX_LOAD_DUTY, loadDutyAtFlat + KI_DUTY_PER_DEG_S * errorDeg * dtS));
            }
            double duty = feedForward + KP_DUTY_PER_DEG * errorDeg + loadDutyAtFlat * cosAngle;
            double along = Math.signum(v) * duty;
            if (along > 0.0 && along < minDuty + MIN_NUDGE_ABOVE_FRICTION_DUTY) {
                // While the reference moves, never let the duty sink into static friction: with
                // the load helping, the screw cannot go slower than the load drives it, and a
                // duty in the dead band would stop the table dead from that speed.
                duty = Math.signum(v) * (minDuty + MIN_NUDGE_ABOVE_FRICTION_DUTY);
            }
            return MotorCommand.drive(duty);
        }
        // At rest after a move: a final nudge in the direction of the error, strong enough to
        // break static friction against the load, or nothing.
        if (errorDeg == 0.0) {
            return MotorCommand.drive(0.0);
        }
        double direction = Math.signum(errorDeg);
        double withLoad = direction * (minDuty + MIN_CORRECTION_DUTY) + loadDutyAtFlat * cosAngle;
        double nudge = Math.max(minDuty + MIN_NUDGE_ABOVE_FRICTION_DUTY, direction * withLoad);
        return MotorCommand.drive(direction * nudge);
    }

    /**
     * A fixed duty toward upright for the given speed, for limp home without a trusted angle:
     * static friction, the speed, and the load learned on earlier moves at the last angle known
     * (a typical user's when none was learned), so the table does move under a heavy user. The
     * supervisor caps the duty in any case.
     */
    MotorCommand openLoopTowardUpright(double speedDegPerS, double lastKnownAngleDeg) {
        double cosAngle = Double.isFinite(lastKnownAngleDeg) ? Math.cos(Math.toRadians(lastKnownAngleDeg)) : 1.0;
        double load = loadDutyAtFlat != 0.0 ? loadDutyAtFlat : TYPICAL_LOAD_DUTY_AT_FLAT;
        double duty = -(minDuty + (1.0 - minDuty) * speedDegPerS / actuatorSpeedDegPerS) + Math.min(0.0, load) * cosAngle;
        return MotorCommand.drive(duty);
    }
}
