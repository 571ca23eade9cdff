package org.inversiontable.progression;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the table remembers of its users between sessions (SPEC §13), journaled crash-safely with
 * the session: the profile in force, each progression's state, and when the last session ended.
 *
 * @param inForce            the name of the profile in force; null when none is configured or chosen yet
 * @param progress           each profile's progression state, by name (profiles without progression have none)
 * @param lastEndEpochMillis wall-clock end of the last session (0: none yet), for the rest between sessions
 * @param lastSessionDate    local date of the last session, or null: the date of a session started
 *                           on a wall clock that is not synchronised
 */
public record ProfileBook(String inForce, Map<String, ProgressionState> progress, long lastEndEpochMillis,
                          LocalDate lastSessionDate) {
    public static final ProfileBook EMPTY = new ProfileBook(null, Map.of(), 0L, null);

    public ProfileBook {
        progress = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(progress, "progress")));
        if (lastEndEpochMillis < 0) {
            throw new IllegalArgumentException("lastEndEpochMillis must be >= 0, was " + lastEndEpochMillis);
        }
    }

    public ProgressionState progressOf(String profile) {
        return progress.getOrDefault(profile, ProgressionState.FIRST);
    }

    public ProfileBook withInForce(String profile) {
        return new ProfileBook(profile, progress, lastEndEpochMillis, lastSessionDate);
    }

    public ProfileBook withProgress(String profile, ProgressionState state) {
        Map<String, ProgressionState> copy = new LinkedHashMap<>(progress);
        copy.put(profile, state);
        return new ProfileBook(inForce, copy, lastEndEpochMillis, lastSessionDate);
    }

    public ProfileBook withLastSession(long endEpochMillis, LocalDate date) {
        return new ProfileBook(inForce, progress, endEpochMillis, date);
    }
}
