package org.inversiontable.config;

/** Checks one value against its key's declaration. */
public final class ConfigValues {
    private ConfigValues() {
    }

    /** Null when the value is allowed, otherwise what is wrong with it, with the allowed range. */
    public static String problem(ConfigKey key, String rawValue) {
        String value = rawValue.trim();
        return switch (key.kind()) {
            case NUMBER -> {
                double v;
                try {
                    v = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    yield "'" + value + "' is not a number; allowed: " + key.allowed();
                }
                if (!Double.isFinite(v) || v < key.min() || v > key.max()) {
                    yield value + " is out of range; allowed: " + key.allowed();
                }
                yield null;
            }
            case INTEGER -> {
                long v;
                try {
                    v = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    yield "'" + value + "' is not a whole number; allowed: " + key.allowed();
                }
                if (v < key.min() || v > key.max()) {
                    yield value + " is out of range; allowed: " + key.allowed();
                }
                yield null;
            }
            case CHOICE -> key.choices().contains(value) ? null
                    : "'" + value + "' is not allowed; allowed: " + key.allowed();
            case PATH -> value.indexOf('\0') >= 0 ? "a path cannot hold a NUL character" : null;
        };
    }
}
