package org.inversiontable.safety;

import org.inversiontable.hardware.MotorCommand;

/**
 * A reversed drive, caught early: a self-locking screw is never back-driven, so once the motor is
 * driven at all, the table moving half a degree the other way means the drive runs backwards.
 * {@link MotionDisagreement} judges only significant duties and takes half a second more; a
 * jerk-limited move needs most of a second to reach one, which is too long to let the drive take
 * someone deeper.
 *
 * <p>It judges on its own smoothed angle (0.5 deg is 6 sigma of its noise at 0.3 deg of sensor
 * noise), and only from one actuator lag after the command took its direction: until then the
 * table may still be coasting the old way, which is not a fault.
 */
final class WrongWayGuard {
    /** Below this the motor may not move the table at all (static friction). */
    static final double DRIVING_DUTY = 0.06;
    /** Movement against the drive that is beyond noise. */
    static final double AGAINST_DEG = 0.5;
    /** With a noisier sensor the threshold is never within this many sigmas of its noise. */
    static final double AGAINST_SIGMAS = 5.0;
    /** ... seen on this many ticks in a row. */
    static final int TICKS = 3;
    /** The actuator's lag: motion in the first this-long of a command belongs to the one before. */
    static final long SETTLE_NANOS = 150_000_000L;
    /** Weight of a new sample in this guard's smoothed angle. */
    private static final double SAMPLE_GAIN = 0.15;
    /** Smoothed noise per raw noise: sqrt(g / (2 - g)). */
    private static final double SMOOTHED_PER_RAW = Math.sqrt(SAMPLE_GAIN / (2.0 - SAMPLE_GAIN));

    private double smoothedDeg = Double.NaN;
    private int direction;
    private long directionSinceNanos;
    private double startDeg = Double.NaN;
    private int against;

    /**
     * @param applied     the command on the wires during the last period
     * @param angleDeg    this tick's accepted sample, NaN when none
     * @param rawNoiseDeg the sensor's noise as the supervisor measures it (standard deviation)
     */
    Trip update(MotorCommand applied, double angleDeg, double rawNoiseDeg, long nowNanos) {
        if (Double.isFinite(angleDeg)) {
            smoothedDeg = Double.isNaN(smoothedDeg) ? angleDeg : smoothedDeg + SAMPLE_GAIN * (angleDeg - smoothedDeg);
        }
        int commanded = !applied.enabled() || Math.abs(applied.duty()) < DRIVING_DUTY ? 0
                : applied.duty() > 0 ? 1 : -1;
        if (commanded != direction) {
            direction = commanded;
            directionSinceNanos = nowNanos;
            startDeg = Double.NaN;
            against = 0;
            return null;
        }
        if (direction == 0 || Double.isNaN(smoothedDeg) || nowNanos - directionSinceNanos < SETTLE_NANOS) {
            return null;
        }
        if (Double.isNaN(startDeg)) {
            startDeg = smoothedDeg;
            return null;
        }
        double movedAgainst = -direction * (smoothedDeg - startDeg);
        double threshold = Math.max(AGAINST_DEG, AGAINST_SIGMAS * rawNoiseDeg * SMOOTHED_PER_RAW);
        against = movedAgainst > threshold ? against + 1 : 0;
        if (against >= TICKS) {
            return new Trip(FaultCode.MOTION_WRONG_DIRECTION, String.format(java.util.Locale.ROOT,
                    "the table moved %.2f deg against a duty %+.2f drive", movedAgainst, applied.duty()));
        }
        return null;
    }

    void reset() {
        direction = 0;
        startDeg = Double.NaN;
        against = 0;
    }
}
