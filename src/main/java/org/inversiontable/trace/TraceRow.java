package org.inversiontable.trace;

/**
 * One control tick as SPEC §10 writes it. Field names and meanings are a stable contract with
 * outside tools.
 *
 * @param angleMeasDeg NaN when the tick had no valid sample (written as JSON null)
 * @param fault        null or a fault code ({@code imu_stale})
 * @param event        null or a short event ({@code estop}, {@code reset}, {@code auto_return},
 *                     {@code warning}, a fault code)
 * @param heartbeat    the level of the WATCHDOG line after this tick
 * @param limitAngleDeg  the angle limit in force this session (SPEC §3, §13)
 * @param limitInvertedS the inverted-time limit in force this session
 * @param profile      null, or the name of the profile in force (SPEC §13)
 */
public record TraceRow(double tS, String state, double angleTrueDeg, double angleMeasDeg, double duty,
                       boolean enabled, double invertedS, boolean estop, boolean homeSwitch, String fault,
                       String event, boolean heartbeat, double limitAngleDeg, double limitInvertedS,
                       String profile) {
}
