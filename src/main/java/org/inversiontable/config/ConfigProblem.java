package org.inversiontable.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a configuration file, said where it is: {@code FILE:LINE: key: message}.
 *
 * @param file    the configuration file
 * @param line    1-based line number; 0 when the problem concerns the whole file (unreadable)
 * @param key     the key concerned as written in the file; empty when there is none (malformed line)
 * @param message what is wrong, the value given and what is allowed
 */
public record ConfigProblem(Path file, int line, String key, String message) {
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }

    /** As printed for the builder, one problem per line. */
    public String format() {
        StringBuilder s = new StringBuilder(file.toString());
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (!key.isEmpty()) {
            s.append(key).append(": ");
        }
        return s.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
