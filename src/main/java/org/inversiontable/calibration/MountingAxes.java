package org.inversiontable.calibration;

import org.inversiontable.hardware.PinMap.ImuMounting;

/**
 * The third chip axis of a mounting, the one the bed turns about, and how the gyro's rate about it
 * becomes the rate of the inversion angle.
 *
 * <p>With A the axis along the bed and N the normal, the mounting's angle is
 * {@code sign * atan2(-a_A, a_N)}; gravity seen from a chip turning at ω changes as
 * {@code dg/dt = -ω × g}, which gives {@code dθ/dt = sign * h * ω_L}, where L is the remaining axis
 * and h is +1 when (A, L, N) is in right-handed order (x, y, z or a rotation of it), -1 otherwise.
 */
public final class MountingAxes {
    private MountingAxes() {
    }

    /** The chip axis (0, 1, 2) that is neither along the bed nor normal to it: the rotation axis. */
    public static int lateralIndex(ImuMounting mounting) {
        return 3 - mounting.alongIndex() - mounting.normalIndex();
    }

    /** The inversion angle's rate (deg/s) from a gyro reading on the chip's axes. */
    public static double angleRateDegS(ImuMounting mounting, double gxDegS, double gyDegS, double gzDegS) {
        int l = lateralIndex(mounting);
        double rate = l == 0 ? gxDegS : l == 1 ? gyDegS : gzDegS;
        return mounting.sign() * handedness(mounting) * rate;
    }

    static int handedness(ImuMounting mounting) {
        int a = mounting.alongIndex();
        int l = lateralIndex(mounting);
        return (l - a + 3) % 3 == 1 ? 1 : -1;
    }
}
