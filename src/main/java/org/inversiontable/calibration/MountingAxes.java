package org.inversiontable.calibration;

import java.util.Locale;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;

/**
 * What the calibration needs from a mounting beyond its angle: the chip axis the bed turns about,
 * the inversion rate from the gyro, and the mounting written as the configuration keys that set it,
 * so that every message names keys and values a user can copy into the file.
 *
 * <p>The rate comes from the mounting itself ({@link ImuMounting#rateDegPerS(double, double, double)}),
 * the same formula the driver's fusion uses, so the axis check judges the gyro as the service will read it.
 */
public final class MountingAxes {
    private MountingAxes() {
    }

    /** The chip axis (0, 1, 2) that is neither along the bed nor normal to it: the rotation axis. */
    public static int lateralIndex(ImuMounting mounting) {
        return mounting.axisPivot().index();
    }

    /** The inversion angle's rate (deg/s, positive toward head down) from a gyro reading on the chip's axes. */
    public static double angleRateDegS(ImuMounting mounting, double gxDegS, double gyDegS, double gzDegS) {
        return mounting.rateDegPerS(gxDegS, gyDegS, gzDegS);
    }

    /** The same chip axis with the other sign: what a chip fitted the other way round reads along. */
    public static Axis reversed(Axis axis) {
        return Axis.of(axis.index(), -axis.sign());
    }

    /** The two axis keys as a configuration file writes them: {@code imu_axis_along = -x, imu_axis_normal = z}. */
    public static String axisKeys(ImuMounting mounting) {
        return String.format(Locale.ROOT, "imu_axis_along = %s, imu_axis_normal = %s", mounting.axisAlong().text(),
                mounting.axisNormal().text());
    }
}
