package org.inversiontable.control;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.motion.ActuatorCurve;

/**
 * The angle the position loop closes on: a model-based observer. It predicts where the table
 * went with the actuator's expected response to the command the gate really applied on the last
 * tick (the actuator curve from the configuration, less the user's load that the position loop
 * has learned, through the actuator's first-order lag), then corrects the prediction with this
 * tick's accepted IMU sample by a fixed gain.
 *
 * <pre>{@code
 * AngleEstimator estimator = new AngleEstimator(curve, lagS);
 * // every tick, before the controller decides:
 * estimator.update(view.angleDeg(), view.appliedLastTick(), loadDuty, dtS);
 * double angle = estimator.angleDeg();
 * }</pre>
 *
 * <p>Why the model and not the plan: an estimate predicted with the profile's speed follows the
 * plan; when the table falls behind it (a heavy user, a stop the gate refused to carry deeper)
 * the estimate runs on with the plan and hides where the table is, and the controller then
 * waits for, or creeps toward, a point the table never reached. Predicted from what was
 * applied, the estimate stands still when the gate cut the motor and lags with a loaded table.
 * A tick without a valid sample is carried on the prediction alone; the supervisor, not this
 * class, decides when missing samples become a fault.
 */
final class AngleEstimator {
    /**
     * Weight of a new sample: a 0.2 s correction time constant at 100 Hz. It takes the sensor's
     * 0.3-0.6 deg noise down to 0.05-0.1 deg (sigma * sqrt(g / (2 - g))) without the lag of a
     * plain average; a model speed that is off by dv (a load not yet learned) leaves the estimate
     * dv * dt / g = 0.2 s * dv off, 0.1 deg for a heavy user's first move, until the load is
     * learned. A larger gain lets the noise through to the motor as speed ripple (measured:
     * 5.5 deg/s^2 at 0.2).
     */
    private static final double SAMPLE_GAIN = 0.05;
    /**
     * Unpowered (disabled, or a duty within static friction) the self-locking screw stops within
     * the brake's 20 ms (the same figure PositionLoop counts on to end a move).
     */
    private static final double BRAKE_LAG_S = 0.02;

    private final ActuatorCurve curve;
    private final double lagS;
    private double estimateDeg = Double.NaN;
    private double speedDegPerS;

    AngleEstimator(ActuatorCurve curve, double lagS) {
        this.curve = curve;
        this.lagS = lagS;
    }

    /**
     * @param sampleDeg  this tick's accepted sample, NaN when there is none
     * @param applied    what the gate put on the H-bridge over the last tick
     * @param loadDuty   the duty the user's load takes in the applied direction at the current
     *                   angle (the position loop's learned load): the screw turns on the rest.
     *                   The loop's belief, even while it is still wrong: the estimate then
     *                   leans on the samples, and the error it shows is what the loop learns on
     * @param dtS        time since the last tick
     */
    void update(double sampleDeg, MotorCommand applied, double loadDuty, double dtS) {
        if (Double.isNaN(estimateDeg)) {
            estimateDeg = sampleDeg;
            speedDegPerS = 0.0;
            return;
        }
        double predicted = predict(applied, loadDuty, dtS);
        estimateDeg = Double.isFinite(sampleDeg) ? predicted + SAMPLE_GAIN * (sampleDeg - predicted) : predicted;
    }

    /** Moves the model on by one tick, exactly for a first-order lag held constant over it. */
    private double predict(MotorCommand applied, double loadDuty, double dtS) {
        if (dtS <= 0.0) {
            return estimateDeg;
        }
        double duty = applied.enabled() ? applied.duty() : 0.0;
        boolean powered = Math.abs(duty) > curve.minDuty();
        double steadyDegPerS = Math.signum(duty) * curve.speedFor(Math.abs(duty) - loadDuty);
        double lag = powered ? lagS : BRAKE_LAG_S;
        if (lag <= 0.0) {
            speedDegPerS = steadyDegPerS;
            return estimateDeg + steadyDegPerS * dtS;
        }
        double decay = Math.exp(-dtS / lag);
        double excess = speedDegPerS - steadyDegPerS;
        speedDegPerS = steadyDegPerS + excess * decay;
        return estimateDeg + steadyDegPerS * dtS + excess * lag * (1.0 - decay);
    }

    /** Restarts from the next sample, after the angle was untrusted. */
    void reset() {
        estimateDeg = Double.NaN;
        speedDegPerS = 0.0;
    }

    boolean hasEstimate() {
        return Double.isFinite(estimateDeg);
    }

    double angleDeg() {
        return estimateDeg;
    }

    /** The actuator's speed as the model has it (deg/s, positive toward inversion). */
    double speedDegPerS() {
        return speedDegPerS;
    }
}
