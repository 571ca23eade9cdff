package org.inversiontable.session;

import org.inversiontable.progression.ProfileBook;

/**
 * The session state that must survive a restart or a power cut (SPEC §7), as journaled.
 *
 * @param sessionId        increases by one per session; identifies the session across restarts
 * @param startEpochMillis wall-clock start as given by the caller at the edge (0 when unknown);
 *                         informative only (history, display): no control decision uses it
 * @param invertedS        seconds spent inverted (angle > 0) so far in this session
 * @param maxAngleDeg      the highest angle reached so far in this session
 * @param active           true while the session runs; false once it has ended (rested at home)
 * @param returnRan        the automatic return has run in this session: its budget is spent for the
 *                         rest of it, a restart included (SPEC §3)
 * @param profiles         the profiles' state (SPEC §13): written in the same crash-safe write as the
 *                         session, so that a session's end and its effect on the level are one step
 */
public record SessionSnapshot(long sessionId, long startEpochMillis, double invertedS, double maxAngleDeg,
        boolean active, boolean returnRan, ProfileBook profiles) {

    /** A session of a table without profiles' state. */
    public SessionSnapshot(long sessionId, long startEpochMillis, double invertedS, double maxAngleDeg,
            boolean active, boolean returnRan) {
        this(sessionId, startEpochMillis, invertedS, maxAngleDeg, active, returnRan, ProfileBook.EMPTY);
    }

    /** A session in which the automatic return has not run. */
    public SessionSnapshot(long sessionId, long startEpochMillis, double invertedS, double maxAngleDeg,
            boolean active) {
        this(sessionId, startEpochMillis, invertedS, maxAngleDeg, active, false);
    }

    public SessionSnapshot {
        java.util.Objects.requireNonNull(profiles, "profiles");
        if (sessionId < 0) {
            throw new IllegalArgumentException("sessionId must be >= 0, was " + sessionId);
        }
        if (startEpochMillis < 0) {
            throw new IllegalArgumentException("startEpochMillis must be >= 0, was " + startEpochMillis);
        }
        if (!Double.isFinite(invertedS) || invertedS < 0) {
            throw new IllegalArgumentException("invertedS must be finite and >= 0, was " + invertedS);
        }
        if (!Double.isFinite(maxAngleDeg)) {
            throw new IllegalArgumentException("maxAngleDeg must be finite, was " + maxAngleDeg);
        }
    }
}
