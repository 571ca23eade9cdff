package org.inversiontable.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A configuration read from a file: the validated {@link Config} and where each key was set.
 *
 * @param file      the file read
 * @param config    every key's value in force, defaults for the keys the file does not set
 * @param lineOfKey the 1-based line of each key the file sets
 */
public record ConfigFile(Path file, Config config, Map<ConfigKey, Integer> lineOfKey) {
    public ConfigFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(config, "config");
        lineOfKey = Map.copyOf(lineOfKey);
    }

    /** How many keys the file sets (the rest are defaults). */
    public int keysSet() {
        return lineOfKey.size();
    }
}
