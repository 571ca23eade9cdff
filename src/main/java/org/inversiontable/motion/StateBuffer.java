package org.inversiontable.motion;

/**
 * A reference state under construction inside a planner: {@link ProfileState}'s values without
 * its checks, so that planning a tick allocates nothing (SPEC §11). Owned by one planner, confined
 * to its thread; what leaves the planner is a checked {@link ProfileState}.
 */
final class StateBuffer {
    double positionDeg;
    double velocityDegPerS;
    double accelerationDegPerS2;

    void set(double p, double v, double a) {
        positionDeg = p;
        velocityDegPerS = v;
        accelerationDegPerS2 = a;
    }

    ProfileState toState() {
        return new ProfileState(positionDeg, velocityDegPerS, accelerationDegPerS2);
    }
}
