package org.inversiontable.hil;

/**
 * Where the jig holds the IMU: the bed angle it shows (SPEC §2 convention) and the gravity it
 * measures there. A real chip at rest shows 1 g; a fake or emulated chip can show anything, which
 * is how an implausible gravity is made.
 *
 * @param angleDeg inversion angle, -70..90 deg
 * @param gravityG magnitude of the measured acceleration, in g
 */
public record ImuPose(double angleDeg, double gravityG) {
    /** The upright loading position of the default configuration, where every contract starts. */
    public static final ImuPose HOME = new ImuPose(-65.0, 1.0);

    public ImuPose {
        if (!Double.isFinite(angleDeg) || angleDeg < -70.0 || angleDeg > 90.0) {
            throw new IllegalArgumentException("angleDeg must be -70..90, was " + angleDeg);
        }
        if (!Double.isFinite(gravityG) || gravityG <= 0.0 || gravityG > 4.0) {
            throw new IllegalArgumentException("gravityG must be in (0, 4], was " + gravityG);
        }
    }

    public boolean atRestUnderOneG() {
        return gravityG == 1.0;
    }
}
