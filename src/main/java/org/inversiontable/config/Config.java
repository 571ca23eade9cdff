package org.inversiontable.config;

import java.util.EnumMap;
import java.util.Map;

/**
 * A complete, validated configuration: one value per {@link ConfigKey}, defaults filled in.
 * Immutable. Subsystems read it once at construction into their own small records
 * ({@code MotionLimits}, {@code PinMap}, ...), never per tick.
 */
public final class Config {
    private final Map<ConfigKey, String> values;

    private Config(Map<ConfigKey, String> values) {
        this.values = values;
    }

    public static Config defaults() {
        return new Config(new EnumMap<>(ConfigKey.class));
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
        return new Config(copy);
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
