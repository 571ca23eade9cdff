package org.inversiontable.safety;

/**
 * What happened on a tick, for the trace, the log, the buzzer and the session keeper: one enum
 * instead of strings compared in five places. Its {@link #text()} is the trace's {@code event}
 * (SPEC §10); a {@link #FAULT} shows as the code of the fault that latched, so the trace reads
 * {@code motion_stall}, not {@code fault}.
 */
public enum TableEvent {
    /** The e-stop latched (SPEC §4). */
    ESTOP("estop"),
    /** A latched e-stop or fault was reset (STOP held 2 s, cause gone). */
    RESET("reset"),
    /** The inverted-time budget started the automatic return (SPEC §3). */
    AUTO_RETURN("auto_return"),
    /** 60 s or 10 s before the automatic return falls due (SPEC §3). */
    WARNING("warning"),
    /** A fault latched; the trace shows its code. */
    FAULT("fault"),
    /** The way up paused just below horizontal (SPEC §3). */
    FLAT_REST("flat_rest"),
    /** PRESET held 3 s stored the current angle (SPEC §4). */
    PRESET_STORED("preset_stored"),
    /** A button held past stuck_button_s (SPEC §4): reported, not a motor fault. */
    BUTTON_STUCK("button_stuck"),
    /** The session journal could not be read at start: the budget counts as spent (SPEC §7). */
    JOURNAL_CORRUPT("journal_corrupt"),
    /** The session journal or history could not be written (SPEC §7). */
    JOURNAL_ERROR("journal_error"),
    /**
     * The runtime's writer thread has left a journal, history or recorder write waiting more than
     * 1 s (SPEC §12): a restart now may lose more than the second of §7. Once per episode.
     */
    WRITER_BEHIND("writer_behind"),
    /** HOME held 3 s at home with no session open selected the next profile (SPEC §13). */
    PROFILE_SELECTED("profile_selected"),
    /** A session ended and moved its profile's progression level (SPEC §13). */
    LEVEL_CHANGED("level_changed");

    private final String text;

    TableEvent(String text) {
        this.text = text;
    }

    /** The trace's word for this event; for {@link #FAULT}, the code of {@code fault}. */
    public String text(FaultCode fault) {
        return this == FAULT && fault != null ? fault.code() : text;
    }

    public String text() {
        return text;
    }
}
