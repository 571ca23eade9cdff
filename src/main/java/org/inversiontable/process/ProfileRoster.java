package org.inversiontable.process;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.config.ConfiguredMotion;
import org.inversiontable.config.ProfileSpec;
import org.inversiontable.progression.LevelLimits;
import org.inversiontable.progression.ProfileBook;
import org.inversiontable.progression.ProgressionState;
import org.inversiontable.progression.SessionComfort;
import org.inversiontable.safety.SessionLimits;

/**
 * The configured profiles and what the table remembers of them (SPEC §13): which is in force,
 * the limits its next session runs with, and how a session that ended moves its level. With no
 * profile configured the table's configured limits apply exactly as they are.
 *
 * <p>Confined to the control thread, like the {@link SessionKeeper} that owns it.
 */
public final class ProfileRoster {
    private final Config table;
    private final List<ProfileSpec> profiles;
    private ProfileBook book = ProfileBook.EMPTY;

    public ProfileRoster(Config table) {
        this.table = Objects.requireNonNull(table, "table");
        this.profiles = table.profiles();
        this.book = fresh();
    }

    /** A table without profiles (tests of the keeper alone). */
    public static ProfileRoster none() {
        return new ProfileRoster(Config.defaults());
    }

    private ProfileBook fresh() {
        return profiles.isEmpty() ? ProfileBook.EMPTY : ProfileBook.EMPTY.withInForce(profiles.get(0).name());
    }

    /**
     * Takes over what the journal held. A profile no longer configured gives way to the first; a
     * level above what a lowered ceiling still has is brought down to its top (SPEC §13: a lowered
     * ceiling applies from the next session, and the next session is the first after this start).
     */
    public void restore(ProfileBook journaled) {
        ProfileBook b = journaled;
        if (profiles.isEmpty()) {
            book = journaled.inForce() == null ? journaled : journaled.withInForce(null);
            return;
        }
        if (b.inForce() == null || spec(b.inForce()) == null) {
            b = b.withInForce(profiles.get(0).name());
        }
        for (ProfileSpec p : profiles) {
            if (b.progress().containsKey(p.name())) {
                b = b.withProgress(p.name(), b.progressOf(p.name()).atMost(topLevel(p)));
            }
        }
        book = b;
    }

    /** A fresh start: the journal could not be read, or there was none. */
    public void restoreFresh() {
        book = fresh();
    }

    public ProfileBook book() {
        return book;
    }

    public boolean hasProfiles() {
        return !profiles.isEmpty();
    }

    /** The profile in force, or null when none is configured. */
    public String inForce() {
        return book.inForce();
    }

    /** The level of the profile in force, or -1 when it has no progression (or there is no profile). */
    public int level() {
        ProfileSpec p = spec(book.inForce());
        return p != null && p.progression() ? book.progressOf(p.name()).level() : -1;
    }

    /** The progression state of the profile in force; null when it has none. */
    public ProgressionState progress() {
        ProfileSpec p = spec(book.inForce());
        return p != null && p.progression() ? book.progressOf(p.name()) : null;
    }

    /** The top level of the profile in force (above it nothing changes); 0 without progression. */
    public int topLevel() {
        ProfileSpec p = spec(book.inForce());
        return p != null && p.progression() ? topLevel(p) : 0;
    }

    /** The limits of the next session: the table's, a profile's ceiling, or its level under the ceiling. */
    public SessionLimits limits() {
        ProfileSpec p = spec(book.inForce());
        Config c = p == null ? table : p.ceiling(table);
        double angle = c.number(ConfigKey.MAX_ANGLE_DEG);
        double inverted = c.number(ConfigKey.MAX_INVERTED_S);
        if (p != null && p.progression()) {
            LevelLimits level = LevelLimits.of(book.progressOf(p.name()).level(), angle, inverted);
            angle = level.angleDeg();
            inverted = level.invertedS();
        }
        return new SessionLimits(angle, inverted, ConfiguredMotion.downLimits(c), ConfiguredMotion.returnLimits(c));
    }

    /**
     * HOME held 3 s at home with no session open (SPEC §13): the next profile, after the last the
     * first again.
     *
     * @return the number of the profile now in force, 1 for the first (the buzzer beeps it); 0 when none is configured
     */
    public int selectNext() {
        if (profiles.isEmpty()) {
            return 0;
        }
        int i = indexOf(book.inForce());
        int next = (i + 1) % profiles.size();
        book = book.withInForce(profiles.get(next).name());
        return next + 1;
    }

    /**
     * A session ended: its effect on the level of the profile in force, and when it ended.
     *
     * @param comfort null when the session did not invert (it moves nothing)
     * @param date    the session's date (SPEC §13: its local start date, or the last session's on an
     *                unsynchronised clock)
     */
    public void sessionEnded(SessionComfort comfort, LocalDate date, long endEpochMillis) {
        ProfileSpec p = spec(book.inForce());
        if (p != null && p.progression() && comfort != null) {
            book = book.withProgress(p.name(), book.progressOf(p.name()).after(comfort, date, topLevel(p)));
        }
        book = book.withLastSession(endEpochMillis, date);
    }

    private int topLevel(ProfileSpec p) {
        Config c = p.ceiling(table);
        return LevelLimits.topLevel(c.number(ConfigKey.MAX_ANGLE_DEG), c.number(ConfigKey.MAX_INVERTED_S));
    }

    private ProfileSpec spec(String name) {
        if (name == null) {
            return null;
        }
        for (ProfileSpec p : profiles) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private int indexOf(String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
