package org.inversiontable.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured profile (SPEC §13): a user of the table with a ceiling of their own.
 *
 * @param name   as written in {@code profile.NAME.KEY}; shown on the display and in the history
 * @param values the keys the configuration sets for it; the others are the table's
 */
public record ProfileSpec(String name, Map<ProfileKey, String> values) {
    /** Short enough for the display and the history's columns; no dots (they separate the key). */
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,11}");
    /** The buzzer beeps a profile's number when it is selected: more would be hard to count. */
    public static final int MAX_PROFILES = 9;

    public ProfileSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad profile name '" + name + "'");
        }
        EnumMap<ProfileKey, String> copy = new EnumMap<>(ProfileKey.class);
        copy.putAll(values);
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** The progression grows this profile's level (SPEC §13). */
    public boolean progression() {
        return ProfileKey.ON.equals(values.get(ProfileKey.PROGRESSION));
    }

    /**
     * The table's configuration with this profile's ceiling in place of the table's limits: what
     * the cross-checks judge, and what the controller and the supervisor run with for this profile.
     */
    public Config ceiling(Config table) {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        for (Map.Entry<ProfileKey, String> e : values.entrySet()) {
            e.getKey().tableKey().ifPresent(k -> overrides.put(k, e.getValue()));
        }
        return table.with(overrides);
    }
}
