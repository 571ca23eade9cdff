package org.inversiontable.sim;

/**
 * Torques of a trapezoidal (Acme-type) power screw, from the standard screw mechanics
 * (Shigley's Mechanical Engineering Design, §8-2, eqs. 8-1, 8-2 and 8-5). For a screw of lead L,
 * mean diameter d and flank friction mu, with a thread flank half-angle alpha (15 deg for the
 * ISO 2904 trapezoidal thread, whose flanks raise the friction to mu' = mu / cos alpha), moving an
 * axial load F:
 * <pre>
 *   T_raise = F d/2 * (mu' pi d + L) / (pi d - mu' L)     the load opposes the motion
 *   T_lower = F d/2 * (mu' pi d - L) / (pi d + mu' L)     the load assists the motion
 * </pre>
 * The screw is self-locking when mu' pi d > L: then T_lower > 0, so lowering the load still takes
 * motor torque in the direction of motion, and the load can never drive the screw by itself.
 *
 * <pre>{@code
 * double ratio = LeadScrew.lowerToRaiseTorqueRatio(0.004, 0.014, 0.12);   // 0.15 for a Tr16x4
 * }</pre>
 */
final class LeadScrew {
    /** Flank half-angle of the ISO 2904 trapezoidal thread (30 deg included). */
    static final double TRAPEZOIDAL_FLANK_HALF_ANGLE_DEG = 15.0;

    private LeadScrew() {
    }

    /** Friction as the screw feels it: the inclined flanks press harder than the axial load (sec alpha). */
    static double flankFriction(double frictionCoefficient) {
        return frictionCoefficient / Math.cos(Math.toRadians(TRAPEZOIDAL_FLANK_HALF_ANGLE_DEG));
    }

    static boolean isSelfLocking(double leadM, double meanDiameterM, double frictionCoefficient) {
        return flankFriction(frictionCoefficient) * Math.PI * meanDiameterM > leadM;
    }

    /** T_raise / (F d/2): the torque per unit of load and radius that raising takes. */
    static double raiseTorqueFactor(double leadM, double meanDiameterM, double frictionCoefficient) {
        double mu = flankFriction(frictionCoefficient);
        double circumferenceM = Math.PI * meanDiameterM;
        return (mu * circumferenceM + leadM) / (circumferenceM - mu * leadM);
    }

    /** T_lower / (F d/2): positive for a self-locking screw, so lowering still takes torque. */
    static double lowerTorqueFactor(double leadM, double meanDiameterM, double frictionCoefficient) {
        double mu = flankFriction(frictionCoefficient);
        double circumferenceM = Math.PI * meanDiameterM;
        return (mu * circumferenceM - leadM) / (circumferenceM + mu * leadM);
    }

    /** T_lower / T_raise for the same load: how much of the raising torque lowering still takes. */
    static double lowerToRaiseTorqueRatio(double leadM, double meanDiameterM, double frictionCoefficient) {
        return lowerTorqueFactor(leadM, meanDiameterM, frictionCoefficient)
                / raiseTorqueFactor(leadM, meanDiameterM, frictionCoefficient);
    }
}
