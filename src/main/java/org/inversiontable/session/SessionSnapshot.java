package org.inversiontable.session;

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
 */
public record SessionSnapshot(long sessionId, long startEpochMillis, double invertedS, double maxAngleDeg,
        boolean active, boolean returnRan) {

    /** A session in which the automatic return has not run. */
    public SessionSnapshot(long sessionId, long startEpochMillis, double invertedS, double maxAngleDeg,
            boolean active) {
        this(sessionId, startEpochMillis, invertedS, maxAngleDeg, active, false);
    }

    public SessionSnapshot {
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
