package org.inversiontable.calibration;

/**
 * The procedure's angles and times.
 *
 * @param homeDeg             the HOME end stop's angle (config {@code home_deg}): the first reference
 * @param levelDeg            the second reference: the bed level by a spirit level (0)
 * @param approachMarginDeg   the move toward level stops asking for DOWN this far short of it (on
 *                            the uncalibrated angle, which may be several degrees off), so that the
 *                            controller's controlled stop from full speed ends short of level
 * @param levelWindowDeg      while levelling, DOWN moves the bed at most this far past level and UP
 *                            at most this far above where the approach stopped
 * @param sampleS             seconds of samples at rest per pose
 * @param waitForButtonS      a step that waits for a press gives up after this
 * @param moveS               a hold-to-run step gives up after this without reaching its angle
 * @param axisCheckTravelDeg  the axis-check move stops asking for DOWN after this much travel (on
 *                            the instantaneous angle or the gyro: 0.5 deg above what the check
 *                            needs, for the noise); the controller's controlled stop adds a few
 *                            degrees more (6 deg in all on the simulated table)
 * @param axisCheckMaxS       the axis-check move ends after this even if short of its length
 * @param settleS             after the axis-check move, the table is left this long (its controlled
 *                            stop included) before its angle is read
 */
public record CalibrationPlan(double homeDeg, double levelDeg, double approachMarginDeg, double levelWindowDeg,
                              double sampleS, double waitForButtonS, double moveS, double axisCheckTravelDeg,
                              double axisCheckMaxS, double settleS) {
    public CalibrationPlan {
        if (!(homeDeg <= levelDeg - CalibrationEstimator.MIN_POSE_SPREAD_DEG)) {
            throw new IllegalArgumentException("homeDeg must be at least " + CalibrationEstimator.MIN_POSE_SPREAD_DEG
                    + " deg below levelDeg, was " + homeDeg);
        }
        if (!(approachMarginDeg > 0 && levelWindowDeg > 0 && sampleS > 0 && waitForButtonS > 0
                && moveS > 0 && axisCheckTravelDeg >= AxisMappingCheck.MIN_TRAVEL_DEG && axisCheckMaxS > 0 && settleS > 0)) {
            throw new IllegalArgumentException("calibration plan out of range: " + this);
        }
    }

    /** The defaults for a table whose HOME end stop is at {@code homeDeg}. */
    public static CalibrationPlan forHome(double homeDeg) {
        return new CalibrationPlan(homeDeg, 0.0, 10.0, 5.0, 2.0, 300.0, 120.0, 2.0, 5.0, 2.0);
    }
}
