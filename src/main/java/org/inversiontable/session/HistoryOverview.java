package org.inversiontable.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.config.ProfileSpec;
import org.inversiontable.progression.LevelLimits;
import org.inversiontable.progression.ProfileBook;

/**
 * The history with the profiles (SPEC §13): each profile's sessions and progression, in the
 * configuration's order, then the profiles found only in the history, then the sessions without a
 * profile. The human report and the JSON are both drawn from it, so they cannot disagree.
 *
 * <pre>{@code
 * HistoryOverview o = HistoryOverview.of(history.read().records(), config, HistoryJournal.read(dir));
 * }</pre>
 *
 * <p>The journal is read as the table reads it at its next start (the process package's
 * ProfileRoster#restore, which this package cannot call without a package cycle): a profile in
 * force that is no longer configured gives way to the first, and a level above what a lowered
 * ceiling still has comes down to its top.
 *
 * @param profileInForce  the profile in force, or null: none configured, or no journal to say
 * @param profiles        the profiles, configured ones first
 * @param withoutProfile  the sessions without a profile, by start
 * @param journal         what the journal told
 */
public record HistoryOverview(String profileInForce, List<HistoryProfile> profiles,
                              List<HistoryRecord> withoutProfile, HistoryJournal journal) {
    public HistoryOverview {
        profiles = List.copyOf(profiles);
        withoutProfile = List.copyOf(withoutProfile);
        Objects.requireNonNull(journal, "journal");
    }

    /** With no profile in the configuration nor in the history, the report is the plain table of old. */
    public boolean hasProfiles() {
        return !profiles.isEmpty();
    }

    /** @param records as read, in file order (a session written twice is shown once, see {@link HistoryDuplicates}) */
    public static HistoryOverview of(List<HistoryRecord> records, Config config, HistoryJournal journal) {
        List<HistoryRecord> sessions = new ArrayList<>(HistoryDuplicates.laterLineStands(records));
        sessions.sort(java.util.Comparator.comparing(HistoryRecord::start));
        Map<String, List<HistoryRecord>> byProfile = new LinkedHashMap<>();
        List<HistoryRecord> withoutProfile = new ArrayList<>();
        for (HistoryRecord r : sessions) {
            if (r.profile() == null) {
                withoutProfile.add(r);
            } else {
                byProfile.computeIfAbsent(r.profile(), p -> new ArrayList<>()).add(r);
            }
        }
        ProfileBook book = journal.status() == HistoryJournal.Status.OK ? journal.book() : null;
        List<HistoryProfile> profiles = new ArrayList<>();
        for (ProfileSpec p : config.profiles()) {
            profiles.add(configured(p, config, book, byProfile.getOrDefault(p.name(), List.of())));
            byProfile.remove(p.name());
        }
        byProfile.forEach((name, list) ->
                profiles.add(new HistoryProfile(name, false, false, Double.NaN, Double.NaN, 0, null, list)));
        return new HistoryOverview(inForce(config.profiles(), book), profiles, withoutProfile, journal);
    }

    private static HistoryProfile configured(ProfileSpec p, Config table, ProfileBook book,
            List<HistoryRecord> sessions) {
        Config ceiling = p.ceiling(table);
        double angle = ceiling.number(ConfigKey.MAX_ANGLE_DEG);
        double inverted = ceiling.number(ConfigKey.MAX_INVERTED_S);
        if (!p.progression()) {
            return new HistoryProfile(p.name(), true, false, angle, inverted, 0, null, sessions);
        }
        int top = LevelLimits.topLevel(angle, inverted);
        return new HistoryProfile(p.name(), true, true, angle, inverted, top,
                book == null ? null : book.progressOf(p.name()).atMost(top), sessions);
    }

    private static String inForce(List<ProfileSpec> configured, ProfileBook book) {
        if (book == null || configured.isEmpty()) {
            return null;
        }
        for (ProfileSpec p : configured) {
            if (p.name().equals(book.inForce())) {
                return p.name();
            }
        }
        return configured.get(0).name();
    }
}
