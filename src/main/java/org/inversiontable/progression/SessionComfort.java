package org.inversiontable.progression;

import java.util.Locale;
import java.util.Optional;

/** How a session that inverted went, for the progression (SPEC §13), as the history spells it. */
public enum SessionComfort {
    /** The automatic return ended it, or the user started home after half the level's time. */
    COMFORTABLE,
    /** The user started home before half the level's time, or pressed the e-stop. */
    NOT_COMFORTABLE,
    /** A fault or a power loss ended it: it says nothing about the user. */
    NOT_COUNTED;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionComfort> fromText(String text) {
        for (SessionComfort c : values()) {
            if (c.text().equals(text)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
