package org.inversiontable.config;

/**
 * The absolute caps of SPEC §3, compiled in and declared once: the configuration table's bounds
 * come from here, and the safety settings check every limit against them again, so that no path
 * (a file, a scenario, a profile) can raise a limit past its cap.
 */
public final class AbsoluteCaps {
    public static final double MAX_ANGLE_DEG = 90.0;
    public static final double MAX_INVERTED_S = 900.0;
    public static final double MAX_SPEED_DEG_S = 8.0;
    public static final double MAX_ACCELERATION_DEG_S2 = 6.0;
    public static final double MAX_JERK_DEG_S3 = 20.0;

    private AbsoluteCaps() {
    }
}
