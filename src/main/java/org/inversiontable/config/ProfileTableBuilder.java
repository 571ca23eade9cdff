package org.inversiontable.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects {@code profile.NAME.KEY = value} settings (SPEC §13) one at a time, checking each as it
 * comes, for the configuration file and the scenario's {@code config} statement alike. Profiles
 * keep the order of their first line: the first is the one in force on a fresh table.
 */
public final class ProfileTableBuilder {
    public static final String PREFIX = "profile.";

    private final Map<String, EnumMap<ProfileKey, String>> values = new LinkedHashMap<>();
    private final Map<String, Integer> lastLine = new LinkedHashMap<>();
    private final Map<String, Integer> lineOfSetting = new LinkedHashMap<>();

    /** A setting name that belongs here rather than to the table's keys. */
    public static boolean isProfileSetting(String name) {
        return name.startsWith(PREFIX);
    }

    /**
     * Takes one setting.
     *
     * @param name  the whole name, {@code profile.anna.max_angle_deg}
     * @param line  where it was written, for messages and for the cross-checks' line
     * @return empty when taken, otherwise what is wrong with it
     */
    public Optional<String> add(String name, String value, int line) {
        String rest = name.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return Optional.of("a profile setting is written profile.NAME.KEY, e.g. profile.anna.max_angle_deg;"
                    + " keys: " + keys());
        }
        String profile = rest.substring(0, dot);
        String keyText = rest.substring(dot + 1);
        if (!ProfileSpec.NAME.matcher(profile).matches()) {
            return Optional.of("profile name '" + profile + "' is not allowed: a letter, then up to 11 letters, "
                    + "digits, '_' or '-'");
        }
        Optional<ProfileKey> key = ProfileKey.byKey(keyText);
        if (key.isEmpty()) {
            return Optional.of("unknown profile key '" + keyText + "'; keys: " + keys());
        }
        if (!values.containsKey(profile) && values.size() >= ProfileSpec.MAX_PROFILES) {
            return Optional.of("at most " + ProfileSpec.MAX_PROFILES + " profiles (the buzzer beeps a profile's number)");
        }
        Integer first = lineOfSetting.putIfAbsent(name, line);
        if (first != null) {
            return Optional.of("given twice (first on line " + first + "); keep only one");
        }
        String problem = value.isBlank() ? "empty value; allowed: " + key.get().allowed() : key.get().problem(value);
        if (problem != null) {
            return Optional.of(problem);
        }
        values.computeIfAbsent(profile, p -> new EnumMap<>(ProfileKey.class)).put(key.get(), value.trim());
        lastLine.merge(profile, line, Math::max);
        return Optional.empty();
    }

    /** The profiles taken, in the order of their first setting. */
    public List<ProfileSpec> build() {
        List<ProfileSpec> profiles = new ArrayList<>();
        values.forEach((name, keys) -> profiles.add(new ProfileSpec(name, keys)));
        return profiles;
    }

    /** The last line that set a key of this profile (0 when none). */
    public int lastLineOf(String profile) {
        return lastLine.getOrDefault(profile, 0);
    }

    private static String keys() {
        StringBuilder s = new StringBuilder();
        for (ProfileKey k : ProfileKey.values()) {
            s.append(s.isEmpty() ? "" : ", ").append(k.key());
        }
        return s.toString();
    }
}
