package org.inversiontable.replay;

import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.config.ConfiguredMotion;
import org.inversiontable.config.ProfileSpec;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.progression.LevelLimits;
import org.inversiontable.safety.SessionLimits;
import org.inversiontable.trace.TraceRow;

/**
 * The session limits of SPEC §13 in a replay. {@code TableProcess} sets them from the journal's
 * profiles between ticks; the trace records their result in every row ({@code profile},
 * {@code limit_angle_deg}, {@code limit_inverted_s}), so replay sets the same limits before the
 * row whose limits changed, computed from the recorded configuration (the speeds are the profile's;
 * the angle and time are its ceiling's or one of its levels', matched to the recorded ones).
 */
final class ReplayedLimits {
    /** The trace writes limits to 0.1; a level's limits differ by at least 5 deg or 60 s. */
    private static final double MATCH_TOLERANCE = 0.051;

    private final Config config;
    private final ControlLoop loop;
    private String profile;
    private double angleDeg = Double.NaN;
    private double invertedS = Double.NaN;

    ReplayedLimits(Config config, ControlLoop loop) {
        this.config = config;
        this.loop = loop;
    }

    /** Sets the limits the recorded row shows, when they are not those in force. */
    void follow(TraceRow row) {
        if (java.util.Objects.equals(row.profile(), profile) && row.limitAngleDeg() == angleDeg
                && row.limitInvertedS() == invertedS) {
            return;
        }
        ProfileSpec spec = null;
        if (row.profile() != null) {
            spec = config.profiles().stream().filter(p -> p.name().equals(row.profile())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("profile \"" + row.profile()
                            + "\" is not in the recorded configuration"));
        }
        Config c = spec == null ? config : spec.ceiling(config);
        double ceilingAngle = c.number(ConfigKey.MAX_ANGLE_DEG);
        double ceilingInverted = c.number(ConfigKey.MAX_INVERTED_S);
        double[] exact = match(row, spec, ceilingAngle, ceilingInverted);
        SessionLimits limits = new SessionLimits(exact[0], exact[1], ConfiguredMotion.downLimits(c),
                ConfiguredMotion.returnLimits(c));
        loop.supervisor().limitSessions(limits);
        loop.controller().limitMoves(limits);
        loop.showProfile(row.profile(), -1);
        profile = row.profile();
        angleDeg = row.limitAngleDeg();
        invertedS = row.limitInvertedS();
    }

    /** TableProcess grants a profile selection only with profiles configured and no session open. */
    boolean selectionGranted(TraceRow row) {
        return !config.profiles().isEmpty() && !loop.supervisor().sessionActive();
    }

    private static double[] match(TraceRow row, ProfileSpec spec, double ceilingAngle, double ceilingInverted) {
        if (near(row.limitAngleDeg(), ceilingAngle) && near(row.limitInvertedS(), ceilingInverted)) {
            return new double[] {ceilingAngle, ceilingInverted};
        }
        if (spec != null && spec.progression()) {
            int top = LevelLimits.topLevel(ceilingAngle, ceilingInverted);
            for (int n = 0; n <= top; n++) {
                LevelLimits l = LevelLimits.of(n, ceilingAngle, ceilingInverted);
                if (near(row.limitAngleDeg(), l.angleDeg()) && near(row.limitInvertedS(), l.invertedS())) {
                    return new double[] {l.angleDeg(), l.invertedS()};
                }
            }
        }
        throw new IllegalArgumentException("limit_angle_deg " + row.limitAngleDeg() + " and limit_inverted_s "
                + row.limitInvertedS() + " are neither the recorded configuration's limits nor a level's"
                + (row.profile() == null ? "" : " of profile " + row.profile()));
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= MATCH_TOLERANCE;
    }
}
