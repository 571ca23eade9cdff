package org.inversiontable.calibration;

import org.inversiontable.hardware.ImuCalibration.Axes;

/**
 * What the sensor read while the table stood still in one pose: the means the estimator fits,
 * and the spreads that say whether it really stood still.
 *
 * @param referenceAngleDeg the pose's true angle as the procedure knows it (the HOME end stop's
 *                          configured angle; 0 for a bed levelled with a spirit level)
 * @param samples           fresh samples averaged
 * @param accelMeanG        mean raw acceleration per chip axis (g)
 * @param accelStdG         standard deviation per chip axis (g)
 * @param accelDriftG       largest change of an axis's mean between the first and second half (g)
 * @param gyroMeanDegS      mean raw rotation rate per chip axis (deg/s)
 * @param gyroStdDegS       standard deviation per chip axis (deg/s)
 */
public record PoseAverage(double referenceAngleDeg, int samples, Axes accelMeanG, Axes accelStdG, double accelDriftG,
                          Axes gyroMeanDegS, Axes gyroStdDegS) {
    public PoseAverage {
        if (!Double.isFinite(referenceAngleDeg) || samples < 0 || accelMeanG == null || accelStdG == null
                || gyroMeanDegS == null || gyroStdDegS == null || !(accelDriftG >= 0)) {
            throw new IllegalArgumentException("incomplete pose average");
        }
    }
}
