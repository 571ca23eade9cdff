package org.inversiontable.config;

import java.util.List;
import java.util.Objects;

/**
 * A conflict between two or more keys whose values are each allowed on their own.
 *
 * @param keys    the keys involved, at least one; the parser reports the problem on the line of
 *                the one written last in the file
 * @param message what conflicts, naming every key involved and its value
 */
public record CrossCheckProblem(List<ConfigKey> keys, String message) {
    public CrossCheckProblem {
        keys = List.copyOf(keys);
        Objects.requireNonNull(message, "message");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys must not be empty");
        }
    }
}
