package org.inversiontable.safety;

import org.inversiontable.hardware.MotorCommand;

/**
 * Catches an IMU whose reading has frozen while still flagged as new (SPEC §9 {@code imu stuck}):
 * while the table is being driven it moves a few hundredths of a degree per tick and a 16-bit
 * accelerometer shows it, so identical samples tick after tick mean a dead sensor. Left to the
 * stall detector, a frozen reading near the angle limit would let the table run on for a second
 * (5 deg at full speed) before anything noticed.
 *
 * <p>Only judged while the motor is driven hard enough to move: at rest a quiet sensor may well
 * repeat itself.
 */
final class FrozenSensorDetector {
    /** Samples in a row, identical to the bit, that make a frozen sensor (40 ms at 100 Hz). */
    static final int IDENTICAL_SAMPLES_TO_FAULT = 5;
    /** Below this the table may not move at all (static friction, load). */
    static final double DRIVING_DUTY = 0.1;

    private double previousDeg = Double.NaN;
    private int identical;

    /**
     * @param applied  the command on the wires during the last period
     * @param angleDeg this tick's accepted sample, NaN when none
     * @return a trip once the reading has stayed frozen under drive, else null
     */
    Trip update(MotorCommand applied, double angleDeg) {
        if (!applied.enabled() || Math.abs(applied.duty()) < DRIVING_DUTY || Double.isNaN(angleDeg)) {
            identical = 0;
            previousDeg = angleDeg;
            return null;
        }
        identical = Double.compare(angleDeg, previousDeg) == 0 ? identical + 1 : 0;
        previousDeg = angleDeg;
        if (identical + 1 >= IDENTICAL_SAMPLES_TO_FAULT) {
            return new Trip(FaultCode.IMU_FROZEN, String.format(java.util.Locale.ROOT,
                    "IMU reading frozen at %.3f deg for %d samples while the motor drove at duty %.2f",
                    angleDeg, identical + 1, applied.duty()));
        }
        return null;
    }

    void reset() {
        identical = 0;
        previousDeg = Double.NaN;
    }
}
