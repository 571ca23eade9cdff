package org.inversiontable.safety;

import org.inversiontable.hardware.MotorCommand;

/**
 * A reversed drive, caught early: a self-locking screw is never back-driven, so once the motor is
 * driven at all, the table moving half a degree the other way (on the supervisor's filtered
 * angle) means the drive runs backwards. {@link MotionDisagreement} judges only significant
 * duties and takes half a second more; a jerk-limited move needs most of a second to reach one,
 * which is too long to let the drive take someone deeper.
 */
final class WrongWayGuard {
    /** Below this the motor may not move the table at all (static friction). */
    static final double DRIVING_DUTY = 0.06;
    /** Movement against the drive that is beyond noise (4 sigma of the filtered angle at 0.3 deg). */
    static final double AGAINST_DEG = 0.5;
    /** With a noisier sensor the threshold is never within this many sigmas of its noise. */
    static final double AGAINST_SIGMAS = 4.0;
    /** ... seen on this many ticks in a row. */
    static final int TICKS = 3;

    private int direction;
    private double startDeg = Double.NaN;
    private int against;

    /**
     * @param applied          the command on the wires during the last period
     * @param filteredAngleDeg the supervisor's filtered angle, NaN before the first sample
     */
    Trip update(MotorCommand applied, double filteredAngleDeg, double filteredNoiseDeg) {
        int commanded = !applied.enabled() || Math.abs(applied.duty()) < DRIVING_DUTY ? 0
                : applied.duty() > 0 ? 1 : -1;
        if (commanded != direction || Double.isNaN(startDeg)) {
            direction = commanded;
            startDeg = filteredAngleDeg;
            against = 0;
            return null;
        }
        if (direction == 0) {
            return null;
        }
        double movedAgainst = -direction * (filteredAngleDeg - startDeg);
        against = movedAgainst > Math.max(AGAINST_DEG, AGAINST_SIGMAS * filteredNoiseDeg) ? against + 1 : 0;
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
