package org.inversiontable.calibration;

import org.inversiontable.hardware.ImuCalibration.Axes;

/**
 * One sample of the IMU as the chip gives it: no calibration, no axis mapping.
 *
 * @param accelG   acceleration on the chip's x, y and z axes (g); at rest, the reaction to gravity
 * @param gyroDegS rotation rate about the chip's x, y and z axes (deg/s, right-handed)
 */
public record RawImuSample(Axes accelG, Axes gyroDegS) {
    public RawImuSample {
        if (accelG == null || gyroDegS == null) {
            throw new IllegalArgumentException("accelG and gyroDegS must not be null");
        }
        for (int i = 0; i < 3; i++) {
            if (!Double.isFinite(accelG.get(i)) || !Double.isFinite(gyroDegS.get(i))) {
                throw new IllegalArgumentException("a raw sample must be finite, was " + accelG + " / " + gyroDegS);
            }
        }
    }
}
