package org.inversiontable.simulator.ui;

/**
 * Where the parts of the table and of the person are at an angle, in metres in a side view with
 * y up and the pivot at the origin (SPEC §2: 0 flat, +90 head straight down, home -65 nearly
 * upright with the feet down). The bed's direction from the head toward the feet is
 * (cos a, sin a): at +90 the feet point up and the head down.
 *
 * <pre>{@code
 * TablePose pose = TablePose.at(30.0);
 * Point head = pose.headCentre();  // below the pivot: the head is down
 * }</pre>
 *
 * @param angleDeg the angle drawn
 */
record TablePose(double angleDeg) {
    record Point(double x, double y) {
    }

    /** Pivot to the head end of the bed and to the ankle holder at the foot end, metres. */
    static final double HEAD_END_M = 0.95;
    static final double FOOT_END_M = 0.95;
    /** The bed hangs this far below the pivot on its arms (measured across the bed). */
    static final double BED_BELOW_PIVOT_M = 0.12;
    /** The pivot's height above the floor: high enough that neither end touches it from -70 to +90. */
    static final double PIVOT_HEIGHT_M = 1.15;
    /** How far above the bed the person's body line runs. */
    static final double BODY_ABOVE_BED_M = 0.07;
    static final double HEAD_RADIUS_M = 0.11;

    static TablePose at(double angleDeg) {
        return new TablePose(angleDeg);
    }

    /** Unit vector along the bed, from head toward feet. */
    Point along() {
        double a = Math.toRadians(angleDeg);
        return new Point(Math.cos(a), Math.sin(a));
    }

    /** Unit vector across the bed, toward the side the person lies on (up when flat). */
    Point across() {
        double a = Math.toRadians(angleDeg);
        return new Point(-Math.sin(a), Math.cos(a));
    }

    /** A point of the bed: {@code s} metres along it from the pivot's foot, {@code h} above its surface. */
    Point onBed(double s, double h) {
        Point u = along();
        Point n = across();
        double up = h - BED_BELOW_PIVOT_M;
        return new Point(s * u.x() + up * n.x(), s * u.y() + up * n.y());
    }

    Point pivot() {
        return new Point(0, 0);
    }

    Point headEnd() {
        return onBed(-HEAD_END_M, 0);
    }

    Point footEnd() {
        return onBed(FOOT_END_M, 0);
    }

    Point ankleHolder() {
        return onBed(FOOT_END_M - 0.06, 0.08);
    }

    Point ankle() {
        return onBed(FOOT_END_M - 0.08, BODY_ABOVE_BED_M);
    }

    Point knee() {
        return onBed(0.48, BODY_ABOVE_BED_M + 0.02);
    }

    Point hip() {
        return onBed(0.02, BODY_ABOVE_BED_M + 0.02);
    }

    Point shoulder() {
        return onBed(-0.55, BODY_ABOVE_BED_M + 0.02);
    }

    Point hand() {
        return onBed(-0.02, BODY_ABOVE_BED_M + 0.10);
    }

    Point headCentre() {
        return onBed(-0.55 - 0.08 - HEAD_RADIUS_M, HEAD_RADIUS_M);
    }

    /** The floor under the pivot (y of the floor line). */
    static double floorY() {
        return -PIVOT_HEIGHT_M;
    }
}
