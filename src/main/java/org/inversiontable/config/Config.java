package org.inversiontable.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A complete, validated configuration: one value per {@link ConfigKey}, defaults filled in.
 * Immutable. Subsystems read it once at construction into their own small records
 * ({@code MotionLimits}, {@code PinMap}, ...), never per tick.
 */
public final class Config {
    private final Map<ConfigKey, String> values;
    private final List<ProfileSpec> profiles;

    private Config(Map<ConfigKey, String> values, List<ProfileSpec> profiles) {
        this.values = values;
        this.profiles = List.copyOf(profiles);
    }

    public static Config defaults() {
        return new Config(new EnumMap<>(ConfigKey.class), List.of());
    }

    /** A copy with these profiles (SPEC §13) in place of any it had; the first is in force on a fresh table. */
    public Config withProfiles(List<ProfileSpec> newProfiles) {
        return new Config(values, newProfiles);
    }

    /**
     * A copy with these profile settings laid over its own (a scenario's {@code config} over the
     * file's): a key set in both takes the new value, a new profile comes after the others.
     */
    public Config withProfilesOverlaid(List<ProfileSpec> overlay) {
        java.util.LinkedHashMap<String, java.util.EnumMap<ProfileKey, String>> merged = new java.util.LinkedHashMap<>();
        for (ProfileSpec p : profiles) {
            merged.computeIfAbsent(p.name(), n -> new java.util.EnumMap<>(ProfileKey.class)).putAll(p.values());
        }
        for (ProfileSpec p : overlay) {
            merged.computeIfAbsent(p.name(), n -> new java.util.EnumMap<>(ProfileKey.class)).putAll(p.values());
        }
        List<ProfileSpec> result = new java.util.ArrayList<>();
        merged.forEach((name, keys) -> result.add(new ProfileSpec(name, keys)));
        return new Config(values, result);
    }

    /** The configured profiles in file order; empty when none is configured (the table's limits apply). */
    public List<ProfileSpec> profiles() {
        return profiles;
    }

    /**
     * A copy with the given values replaced. Values must already be valid (the parser checks
     * them and reports every problem with file and line); this rejects what slips through.
     */
    public Config with(Map<ConfigKey, String> overrides) {
        EnumMap<ConfigKey, String> copy = new EnumMap<>(ConfigKey.class);
        copy.putAll(values);
        for (Map.Entry<ConfigKey, String> e : overrides.entrySet()) {
            String problem = ConfigValues.problem(e.getKey(), e.getValue());
            if (problem != null) {
                throw new IllegalArgumentException(e.getKey().key() + " = " + e.getValue() + ": " + problem);
            }
            copy.put(e.getKey(), e.getValue().trim());
        }
        return new Config(copy, profiles);
    }

    public Config with(ConfigKey key, String value) {
        return with(Map.of(key, value));
    }

    public String text(ConfigKey key) {
        return values.getOrDefault(key, key.defaultText());
    }

    public double number(ConfigKey key) {
        return Double.parseDouble(text(key));
    }

    public int integer(ConfigKey key) {
        return Integer.parseInt(text(key));
    }

    /** Every key with its value in force, in declaration order. */
    public Map<ConfigKey, String> all() {
        EnumMap<ConfigKey, String> all = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            all.put(k, text(k));
        }
        return all;
    }
}
