package org.inversiontable.session;

import java.util.List;
import java.util.Objects;
import org.inversiontable.progression.LevelLimits;
import org.inversiontable.progression.ProgressionState;

/**
 * One profile as {@code history} shows it (SPEC §13): its sessions, its ceiling, and where its
 * progression stands. The current state comes from the journal; without one, only the level of
 * the profile's last session is known.
 *
 * @param name               the profile's name
 * @param configured         the configuration has it (false: found only in the history)
 * @param progression        the configuration turns its progression on
 * @param ceilingAngleDeg    its ceiling of the angle; NaN when not configured
 * @param ceilingInvertedS   its ceiling of the inverted time; NaN when not configured
 * @param topLevel           the level above which its limits stop growing (0 without progression)
 * @param state              its progression state from the journal (brought under a lowered ceiling,
 *                           as the table does at its next start); null without progression or journal
 * @param sessions           its sessions, by start
 */
public record HistoryProfile(String name, boolean configured, boolean progression, double ceilingAngleDeg,
                             double ceilingInvertedS, int topLevel, ProgressionState state,
                             List<HistoryRecord> sessions) {
    public HistoryProfile {
        Objects.requireNonNull(name, "name");
        sessions = List.copyOf(sessions);
    }

    /** The level now (journal), else that of the last session that had one; -1 when neither is known. */
    public int level() {
        if (state != null) {
            return state.level();
        }
        for (int i = sessions.size() - 1; i >= 0; i--) {
            if (sessions.get(i).level() >= 0) {
                return sessions.get(i).level();
            }
        }
        return -1;
    }

    /** The level is the journal's, not only the last session's. */
    public boolean levelIsCurrent() {
        return state != null;
    }

    /**
     * The limits of its next session: its level's under its ceiling, or the ceiling itself without
     * progression; null when they cannot be known (not configured, or no level known).
     */
    public LevelLimits limits() {
        if (!configured) {
            return null;
        }
        if (!progression) {
            return new LevelLimits(ceilingAngleDeg, ceilingInvertedS);
        }
        int level = level();
        return level < 0 ? null : LevelLimits.of(Math.min(level, topLevel), ceilingAngleDeg, ceilingInvertedS);
    }

    /**
     * What the next step needs and what would drop it ("2 more comfortable sessions on different
     * days; 1 more session not comfortable in a row steps down"); null without a journaled state.
     */
    public String nextStep() {
        if (state == null) {
            return null;
        }
        String grow = state.nextStep(topLevel);
        int toDrop = ProgressionState.RUN_TO_DROP - state.notComfortableRun();
        // A drop is only worth a warning when it is near and there is a level to drop to.
        if (state.notComfortableRun() == 0 || state.level() == 0) {
            return grow;
        }
        return grow + "; " + toDrop + " more session" + (toDrop == 1 ? "" : "s") + " not comfortable in a row "
                + (toDrop == 1 ? "steps" : "step") + " down";
    }
}
