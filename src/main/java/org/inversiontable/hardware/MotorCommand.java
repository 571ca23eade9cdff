package org.inversiontable.hardware;

/**
 * What reaches the H-bridge: a signed duty (positive = toward inversion) and the enable line.
 * A disabled command always carries duty 0, so "off" has exactly one representation.
 */
public record MotorCommand(double duty, boolean enabled) {
    public static final MotorCommand OFF = new MotorCommand(0.0, false);

    public MotorCommand {
        if (!Double.isFinite(duty) || duty < -1.0 || duty > 1.0) {
            throw new IllegalArgumentException("duty must be within -1..1, was " + duty);
        }
        if (!enabled && duty != 0.0) {
            throw new IllegalArgumentException("a disabled motor command must have duty 0, was " + duty);
        }
    }

    public static MotorCommand drive(double duty) {
        return new MotorCommand(Math.max(-1.0, Math.min(1.0, duty)), true);
    }
}
