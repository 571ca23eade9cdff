package org.inversiontable.control;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.motion.ProfileState;

/**
 * Closed-loop position control on the estimated angle, tracking the motion profile: the
 * profile's speed as feed-forward (duty = speed / actuator speed at full duty) plus a
 * proportional correction of the position error. The feed-forward does the work; the
 * correction takes up load, friction and bias in the actuator, so it can stay small and the
 * sensor noise barely reaches the motor.
 */
final class PositionLoop {
    /** Duty per degree of position error: 0.3 deg of error is enough to break static friction. */
    private static final double KP_DUTY_PER_DEG = 0.25;
    /** Below this the actuator does not move (static friction); corrections are lifted past it. */
    private static final double MIN_CORRECTION_DUTY = 0.05;

    private final double actuatorSpeedDegPerS;

    PositionLoop(double actuatorSpeedDegPerS) {
        this.actuatorSpeedDegPerS = actuatorSpeedDegPerS;
    }

    MotorCommand track(ProfileState reference, double estimatedAngleDeg) {
        double feedForward = reference.velocityDegPerS() / actuatorSpeedDegPerS;
        double errorDeg = reference.positionDeg() - estimatedAngleDeg;
        double duty = feedForward + KP_DUTY_PER_DEG * errorDeg;
        if (reference.velocityDegPerS() == 0.0 && duty != 0.0 && Math.abs(duty) < MIN_CORRECTION_DUTY) {
            duty = Math.copySign(MIN_CORRECTION_DUTY, duty);
        }
        return MotorCommand.drive(duty);
    }

    /** A fixed duty toward upright for the given speed, for limp home without a trusted angle. */
    MotorCommand openLoopTowardUpright(double speedDegPerS) {
        // Without an angle to close on, add what static friction takes, so the table does move;
        // the load can only slow it further (the supervisor caps the duty in any case).
        return MotorCommand.drive(-(MIN_CORRECTION_DUTY + speedDegPerS / actuatorSpeedDegPerS));
    }
}
