package org.inversiontable.progression;

/**
 * The limits of a progression level (SPEC §13): level n allows min(20 + 5n deg, ceiling) and
 * min(120 + 60n s, ceiling, 900 s). Level 0 is the beginner's guidance (20-30 deg for 2-3
 * minutes); the top level is the first whose limits both reach the ceiling.
 *
 * @param angleDeg  the angle limit of the level
 * @param invertedS the inverted-time limit of the level
 */
public record LevelLimits(double angleDeg, double invertedS) {
    public static final double FIRST_ANGLE_DEG = 20.0;
    public static final double ANGLE_STEP_DEG = 5.0;
    public static final double FIRST_INVERTED_S = 120.0;
    public static final double INVERTED_STEP_S = 60.0;
    /** The guidance's "never past 10-15 minutes at a time", whatever the ceiling. */
    public static final double MOST_INVERTED_S = 900.0;

    /** The limits of level {@code n} under a ceiling. */
    public static LevelLimits of(int n, double ceilingAngleDeg, double ceilingInvertedS) {
        if (n < 0) {
            throw new IllegalArgumentException("level must be >= 0, was " + n);
        }
        return new LevelLimits(Math.min(FIRST_ANGLE_DEG + ANGLE_STEP_DEG * n, ceilingAngleDeg),
                Math.min(Math.min(FIRST_INVERTED_S + INVERTED_STEP_S * n, ceilingInvertedS), MOST_INVERTED_S));
    }

    /** The highest level that still changes something: above it the limits are the ceiling's. */
    public static int topLevel(double ceilingAngleDeg, double ceilingInvertedS) {
        int byAngle = (int) Math.ceil((ceilingAngleDeg - FIRST_ANGLE_DEG) / ANGLE_STEP_DEG);
        int byTime = (int) Math.ceil((Math.min(ceilingInvertedS, MOST_INVERTED_S) - FIRST_INVERTED_S) / INVERTED_STEP_S);
        return Math.max(0, Math.max(byAngle, byTime));
    }
}
