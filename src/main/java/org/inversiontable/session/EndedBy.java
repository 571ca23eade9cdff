package org.inversiontable.session;

import java.util.Locale;
import java.util.Optional;

/** How a session ended, as the history file spells it ({@code "ended_by":"auto_return"}). */
public enum EndedBy {
    /** The user brought the table home. */
    USER,
    /** The inverted-time limit brought the table home. */
    AUTO_RETURN,
    /** The e-stop was pressed during the session. */
    ESTOP,
    /** A fault latched during the session. */
    FAULT,
    /** The controller restarted in the middle of the session (found in the journal at boot). */
    POWER_LOSS;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EndedBy> fromText(String text) {
        for (EndedBy e : values()) {
            if (e.text().equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
