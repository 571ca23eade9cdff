package org.inversiontable.calibration;

import org.inversiontable.hardware.ImuCalibration;

/** What {@link CalibrationEstimator} made of the poses: a calibration to keep, or why not. */
public sealed interface Estimate permits Estimate.Solved, Estimate.Refused {

    /**
     * @param calibration the per-axis corrections
     * @param residualDeg the largest angle error left at any pose after correction (deg)
     * @param note        what the poses could not tell (the rotation axis's scale), for the console
     */
    record Solved(ImuCalibration calibration, double residualDeg, String note) implements Estimate {
    }

    record Refused(Refusal refusal) implements Estimate {
    }
}
