package org.inversiontable.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The keys of a profile (SPEC §13), written {@code profile.NAME.KEY = value}. A limit key takes
 * the bounds of the table's key of the same name and may not exceed the table's configured
 * value: a profile only lowers the table's limits. A key a profile leaves out is the table's.
 */
public enum ProfileKey {
    MAX_ANGLE_DEG(ConfigKey.MAX_ANGLE_DEG, "the profile's ceiling of the inversion angle (deg); the progression grows toward it"),
    MAX_INVERTED_S(ConfigKey.MAX_INVERTED_S, "the profile's ceiling of the time inverted per session (s)"),
    V_MAX_DEG_S(ConfigKey.V_MAX_DEG_S, "the profile's maximum angular speed (deg/s)"),
    V_RETURN_DEG_S(ConfigKey.V_RETURN_DEG_S, "the profile's maximum speed toward upright (deg/s)"),
    PROGRESSION(null, "on: the level starts at the beginner's 20 deg and 120 s and grows after comfortable "
            + "sessions on 3 different days, up to the ceiling; off: the ceiling applies at once");

    /** The choices of {@link #PROGRESSION}. */
    public static final String ON = "on";
    public static final String OFF = "off";

    private final ConfigKey tableKey;
    private final String doc;

    ProfileKey(ConfigKey tableKey, String doc) {
        this.tableKey = tableKey;
        this.doc = doc;
    }

    /** As written after the profile's name: {@code max_angle_deg}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The table's key whose bounds this one takes and whose value it may not exceed; empty for progression. */
    public Optional<ConfigKey> tableKey() {
        return Optional.ofNullable(tableKey);
    }

    public String doc() {
        return doc;
    }

    public String allowed() {
        return tableKey == null ? "one of " + ON + ", " + OFF
                : tableKey.allowed() + ", at most the table's " + tableKey.key();
    }

    /** Null when the value is allowed on its own, otherwise what is wrong. */
    public String problem(String rawValue) {
        if (tableKey != null) {
            return ConfigValues.problem(tableKey, rawValue);
        }
        String v = rawValue.trim();
        return v.equals(ON) || v.equals(OFF) ? null : "'" + v + "' is not allowed; allowed: " + allowed();
    }

    public static Optional<ProfileKey> byKey(String key) {
        for (ProfileKey k : values()) {
            if (k.key().equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
