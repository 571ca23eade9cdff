package org.inversiontable.safety;

import java.util.Locale;

/**
 * SPEC §6: the HOME switch and the angle are two independent references for the upright
 * position; when they disagree for 0.5 s one of them is lying. A HOME switch that reads "at
 * home" while inverted (its normally-closed wire broken) would stop every move toward upright;
 * one that never opens would let a move drive into the end stop.
 *
 * <pre>{@code
 * HomeSwitchConsistency home = new HomeSwitchConsistency(config.homeDeg());
 * Trip t = home.update(panel.homeSwitchOpen(), angleDeg, imu.angleTrusted(), now);
 * }</pre>
 *
 * <p>The switch opens (reads at home) at about {@code homeDeg + 0.5}. They disagree only
 * beyond a band around that point, wide enough for the sensor noise (0.3 deg, so 3 sigma is
 * 1 deg), the IMU's calibration bias (a few degrees) and the switch's own travel: "at home" with
 * the angle more than {@value #AT_HOME_ABOVE_HOME_MAX_DEG} deg above home, or "not at home"
 * with the angle more than {@value #NOT_HOME_BELOW_HOME_MIN_DEG} deg below home. The band is
 * narrower below home because the end stop itself sits there: the table cannot really be far
 * below home, so an angle there with the switch closed is a fault on either side.
 */
public final class HomeSwitchConsistency {
    public static final double SWITCH_POINT_ABOVE_HOME_DEG = 0.5;
    public static final double AT_HOME_ABOVE_HOME_MAX_DEG = 5.0;
    public static final double NOT_HOME_BELOW_HOME_MIN_DEG = 3.0;
    public static final long DISAGREE_FOR_NANOS = 500_000_000L;

    private final double homeDeg;
    private double lastAngleDeg = Double.NaN;
    private boolean disagreeing;
    private long disagreeSinceNanos;
    private long lastNowNanos = Long.MIN_VALUE;

    public HomeSwitchConsistency(double homeDeg) {
        if (!Double.isFinite(homeDeg) || homeDeg < -70 || homeDeg > 0) {
            throw new IllegalArgumentException("homeDeg must be within -70..0 deg, was " + homeDeg);
        }
        this.homeDeg = homeDeg;
    }

    /**
     * @param switchAtHome  the HOME switch reads at home (open)
     * @param angleDeg      this tick's accepted angle, or NaN when the tick had none
     * @param angleTrusted  false after an IMU fault: the angle is then no reference at all
     * @return a HOME_SWITCH_DISAGREE trip once they have disagreed for 0.5 s continuously, else null
     */
    /** The switch and the angle tell the same story now, within the bands (the cause of a trip is gone). */
    public boolean agrees(boolean switchAtHome, double angleDeg) {
        return switchAtHome
                ? !(angleDeg > homeDeg + AT_HOME_ABOVE_HOME_MAX_DEG)
                : !(angleDeg < homeDeg - NOT_HOME_BELOW_HOME_MIN_DEG);
    }

    public Trip update(boolean switchAtHome, double angleDeg, boolean angleTrusted, long nowNanos) {
        if (lastNowNanos != Long.MIN_VALUE) {
            Monotonic.require(lastNowNanos, nowNanos, "HomeSwitchConsistency");
        }
        lastNowNanos = nowNanos;
        if (!angleTrusted) {
            disagreeing = false;
            lastAngleDeg = Double.NaN;
            return null;
        }
        // A tick without a sample (one rejected outlier) must not restart the 0.5 s: judge it
        // with the last accepted angle, which is at most 100 ms old while the angle is trusted.
        if (!Double.isNaN(angleDeg)) {
            lastAngleDeg = angleDeg;
        }
        double judgedDeg = lastAngleDeg;
        if (Double.isNaN(judgedDeg)) {
            return null;
        }
        boolean disagree = !agrees(switchAtHome, judgedDeg);
        if (!disagree) {
            disagreeing = false;
            return null;
        }
        if (!disagreeing) {
            disagreeing = true;
            disagreeSinceNanos = nowNanos;
        }
        long forNanos = nowNanos - disagreeSinceNanos;
        if (forNanos < DISAGREE_FOR_NANOS) {
            return null;
        }
        return new Trip(FaultCode.HOME_SWITCH_DISAGREE, String.format(Locale.ROOT,
                "HOME switch reads %s but the angle is %.1f deg (home %.1f deg) for %.2f s",
                switchAtHome ? "at home" : "not at home", judgedDeg, homeDeg, forNanos / 1e9));
    }
}
