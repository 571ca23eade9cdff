package org.inversiontable.motion;

/**
 * The table's actuator as the controller models it, from the configuration's actuator keys: a
 * dead band of static friction up to {@code minDuty}, then speed linear in duty up to
 * {@code noLoadSpeedDegPerS} at full duty (a DC motor's torque-speed line through a self-locking
 * screw: the load only ever slows it, in either direction). One source for the feed-forward of
 * the position loop and for the configuration check of the slowest speed the table can hold.
 *
 * <pre>{@code
 * ActuatorCurve curve = new ActuatorCurve(10.0, 0.04);
 * double duty = curve.dutyFor(2.0);                       // 0.232: static friction, then 2/10 of the rest
 * double slowest = curve.slowestSteadySpeedDegPerS();     // 0.104 deg/s: one PWM step above friction
 * }</pre>
 *
 * @param noLoadSpeedDegPerS table speed at full duty with no load
 * @param minDuty            duty at or below which the actuator does not move
 */
public record ActuatorCurve(double noLoadSpeedDegPerS, double minDuty) {
    /**
     * The finest duty step that reaches the H-bridge: Pi4J 3's PWM duty is an integer percent.
     * (The bridge dithers the remainder from tick to tick, so the mean duty is finer; but one step
     * above static friction is the slowest the drive turns continuously, below it it only pulses.)
     */
    public static final double DUTY_STEP = 0.01;
    /** SPEC §5 judges acceleration as the change of speed across windows of this length (s). */
    public static final double ACCELERATION_WINDOW_S = 0.2;
    /**
     * The share of a_max that the controller plans its table's acceleration to (the position
     * loop's follow margin, control.PositionLoop): SPEC §5 allows +40 %, the rest is for noise.
     */
    public static final double PLANNED_ACCELERATION_MARGIN = 1.2;

    public ActuatorCurve {
        if (!Double.isFinite(noLoadSpeedDegPerS) || noLoadSpeedDegPerS <= 0.0) {
            throw new IllegalArgumentException("noLoadSpeedDegPerS must be a finite number > 0, was " + noLoadSpeedDegPerS);
        }
        if (!Double.isFinite(minDuty) || minDuty < 0.0 || minDuty >= 1.0 - DUTY_STEP) {
            throw new IllegalArgumentException("minDuty must be within 0..0.99, was " + minDuty);
        }
    }

    /** The duty magnitude for a speed magnitude with no load: static friction, then linear. */
    public double dutyFor(double speedDegPerS) {
        double magnitude = Math.abs(speedDegPerS);
        return magnitude == 0.0 ? 0.0 : minDuty + (1.0 - minDuty) * magnitude / noLoadSpeedDegPerS;
    }

    /**
     * The speed magnitude a duty magnitude gives with no load: the inverse of {@link #dutyFor},
     * 0 within static friction. With a load, give it the duty left after the load's share (a
     * self-locking screw: the load only ever takes duty away, in either direction).
     */
    public double speedFor(double duty) {
        double magnitude = Math.abs(duty);
        return magnitude <= minDuty ? 0.0 : noLoadSpeedDegPerS * (magnitude - minDuty) / (1.0 - minDuty);
    }

    /** Duty per deg/s above static friction: the slope of the curve. */
    public double dutyPerSpeed() {
        return (1.0 - minDuty) / noLoadSpeedDegPerS;
    }

    /**
     * The slowest speed at which the table moves steadily rather than in pulses: one duty step
     * above static friction, with no load (a load only slows the screw, so no user makes the
     * steady minimum any faster; the controller reaches it by backing the load off the duty).
     */
    public double slowestSteadySpeedDegPerS() {
        return noLoadSpeedDegPerS * DUTY_STEP / (1.0 - minDuty);
    }

    /**
     * The gentlest acceleration limit this table can keep at the end of a move (deg/s^2). The
     * drive's last step is always a stop from at most its slowest steady speed: below it the
     * drive only pulses, and once the duty is in the dead band the self-locking screw brakes
     * within about 20 ms (the plant's brake lag), far inside SPEC §5's 0.2 s window. Across that
     * window the stop is a change of speed of the slowest steady speed, so a_max must be at
     * least that speed / (0.2 s * the planned margin): 0.43 deg/s^2 for the default actuator
     * (10 deg/s, min duty 0.04), 1.79 for the allowed one that stops hardest (30 deg/s, 0.3).
     */
    public double gentlestAccelerationDegPerS2() {
        return slowestSteadySpeedDegPerS() / (ACCELERATION_WINDOW_S * PLANNED_ACCELERATION_MARGIN);
    }
}
