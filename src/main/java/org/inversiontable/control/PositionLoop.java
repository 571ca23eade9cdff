package org.inversiontable.control;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.motion.ProfileState;

/**
 * Closed-loop position control on the estimated angle, tracking the motion profile: the
 * profile's speed as feed-forward through the actuator's own curve, plus a proportional and
 * integral correction of the position error. The feed-forward does the work; the integral
 * learns the user's load during a move; the proportional gain stays small so the sensor noise
 * barely reaches the motor (measured: a gain of 0.25 made 0.3 deg of noise into 0.3 deg/s of
 * speed ripple).
 */
final class PositionLoop {
    /** Duty per degree of position error. */
    private static final double KP_DUTY_PER_DEG = 0.1;
    /** Duty per degree-second of position error: learns a load of 0.05 duty in about a second. */
    private static final double KI_DUTY_PER_DEG_S = 0.15;
    /** The integral never holds more than this much duty (an 80 kg user needs about 0.05). */
    private static final double MAX_INTEGRAL_DUTY = 0.15;
    /** Below this the actuator does not move (static friction); corrections are lifted past it. */
    private static final double MIN_CORRECTION_DUTY = 0.05;

    private final double actuatorSpeedDegPerS;
    private final double minDuty;
    private final double lagS;
    private double integralDuty;

    PositionLoop(double actuatorSpeedDegPerS, double minDuty, double lagS) {
        this.actuatorSpeedDegPerS = actuatorSpeedDegPerS;
        this.minDuty = minDuty;
        this.lagS = lagS;
    }

    /** A new move: the load it meets is learned afresh. */
    void reset() {
        integralDuty = 0.0;
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
        integralDuty = Math.max(-MAX_INTEGRAL_DUTY,
                Math.min(MAX_INTEGRAL_DUTY, integralDuty + KI_DUTY_PER_DEG_S * errorDeg * dtS));
        double duty = feedForward + KP_DUTY_PER_DEG * errorDeg + integralDuty;
        if (v == 0.0 && duty != 0.0 && Math.abs(duty) < MIN_CORRECTION_DUTY) {
            duty = Math.copySign(MIN_CORRECTION_DUTY, duty);
        }
        return MotorCommand.drive(duty);
    }

    /** A fixed duty toward upright for the given speed, for limp home without a trusted angle. */
    MotorCommand openLoopTowardUpright(double speedDegPerS) {
        // Without an angle to close on, add what static friction takes, so the table does move;
        // the load can only slow it further (the supervisor caps the duty in any case).
        return MotorCommand.drive(-(minDuty + (1.0 - minDuty) * speedDegPerS / actuatorSpeedDegPerS));
    }
}
