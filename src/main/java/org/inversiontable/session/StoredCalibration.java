package org.inversiontable.session;

import java.time.Instant;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PinMap.ImuMounting;

/**
 * A calibration as {@code calibrate} measured it, with what it is only valid for.
 *
 * @param calibration the per-axis corrections the driver applies
 * @param measuredAt  when it was measured (wall clock)
 * @param mounting    the mounting it was measured for: corrections fitted through one axis mapping
 *                    are wrong under another, so a changed mounting needs a new calibration
 * @param residualDeg the largest angle error left at the measured poses (deg)
 */
public record StoredCalibration(ImuCalibration calibration, Instant measuredAt, ImuMounting mounting, double residualDeg) {
    /** A calibration whose poses disagree by more than SPEC §3's whole 1 deg error budget is no calibration. */
    public static final double MAX_RESIDUAL_DEG = 1.0;

    public StoredCalibration {
        if (calibration == null || measuredAt == null || mounting == null) {
            throw new IllegalArgumentException("calibration, measuredAt and mounting must be given");
        }
        if (!(residualDeg >= 0 && residualDeg <= MAX_RESIDUAL_DEG)) {
            throw new IllegalArgumentException("residual_deg must be within 0.." + MAX_RESIDUAL_DEG + ", was " + residualDeg);
        }
    }
}
