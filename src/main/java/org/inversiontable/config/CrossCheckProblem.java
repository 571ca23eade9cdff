package org.inversiontable.config;

import java.util.List;
import java.util.Objects;

/**
 * A conflict between two or more keys whose values are each allowed on their own.
 *
 * @param keys    the keys involved, at least one; the parser reports the problem on the line of
 *                the one written last in the file
 * @param message what conflicts, naming every key involved and its value
 * @param profile null, or the profile (SPEC §13) whose ceiling conflicts: the parser then reports
 *                the problem on the later of the profile's last line and the keys' lines
 */
public record CrossCheckProblem(List<ConfigKey> keys, String message, String profile) {
    public CrossCheckProblem {
        keys = List.copyOf(keys);
        Objects.requireNonNull(message, "message");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys must not be empty");
        }
    }

    /** A conflict among the table's own keys. */
    public CrossCheckProblem(List<ConfigKey> keys, String message) {
        this(keys, message, null);
    }
}
