package org.inversiontable.session;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.inversiontable.config.Config;
import org.inversiontable.progression.LevelLimits;
import org.inversiontable.progression.SessionComfort;

/**
 * The session history as a table for people, one row per session, grouped by ISO week with the
 * week's totals, and a warning for a week with more sessions than beginners are advised to do.
 * With profiles (SPEC §13), one such table per profile, with each session's level and comfort,
 * and the profile's level, limits and next step under it.
 *
 * <pre>{@code
 * out.print(HistoryReport.render(history.read(), ZoneId.systemDefault()));          // no profiles
 * out.print(HistoryReport.render(overview, read.warnings(), ZoneId.systemDefault()));
 * }</pre>
 */
public final class HistoryReport {
    static final String NO_SESSIONS = "no sessions recorded yet";

    private static final String ROW = "%-10s  %-5s  %8s  %9s  %8s  %s%n";
    /** The longest "ended by" is "auto return" (11): the level and comfort columns line up after it. */
    private static final String PROFILE_ROW = "%-10s  %-5s  %8s  %9s  %8s  %-11s  %5s  %s%n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private HistoryReport() {
    }

    /** The history of a table without profiles. */
    public static String render(HistoryReadResult result, ZoneId zone) {
        HistoryOverview plain = HistoryOverview.of(result.records(), Config.defaults(),
                HistoryJournal.none("not read"));
        return render(plain, result.warnings(), zone);
    }

    /**
     * @param warnings the history's skipped lines, listed at the end
     */
    public static String render(HistoryOverview overview, List<String> warnings, ZoneId zone) {
        StringBuilder s = new StringBuilder();
        if (!overview.hasProfiles()) {
            table(s, overview.withoutProfile(), zone, false);
        } else {
            header(s, overview);
            for (HistoryProfile p : overview.profiles()) {
                s.append('\n').append("profile ").append(p.name())
                        .append(p.name().equals(overview.profileInForce()) ? " (in force)" : "").append('\n');
                table(s, p.sessions(), zone, true);
                status(s, p);
            }
            if (!overview.withoutProfile().isEmpty()) {
                s.append('\n').append("sessions without a profile\n");
                table(s, overview.withoutProfile(), zone, false);
            }
        }
        for (String warning : warnings) {
            s.append("warning: ").append(warning).append('\n');
        }
        return s.toString();
    }

    private static void header(StringBuilder s, HistoryOverview overview) {
        HistoryJournal journal = overview.journal();
        if (journal.status() == HistoryJournal.Status.OK) {
            s.append("profile in force: ").append(overview.profileInForce() == null ? "none"
                    : overview.profileInForce()).append('\n');
            return;
        }
        s.append("journal: ").append(journal.status() == HistoryJournal.Status.NONE
                ? "none (" + journal.detail() + ")" : journal.text()).append('\n');
        s.append("profile in force: not known without the journal; levels shown are those of each profile's"
                + " last session\n");
        if (journal.status() == HistoryJournal.Status.UNREADABLE) {
            // What SessionKeeper does with a journal it cannot trust: never more than the user has earned.
            s.append("the table starts again with the first profile at level 0 when it cannot read its journal\n");
        }
    }

    private static void table(StringBuilder s, List<HistoryRecord> records, ZoneId zone, boolean withProgress) {
        if (records.isEmpty()) {
            s.append(NO_SESSIONS).append('\n');
            return;
        }
        if (withProgress) {
            s.append(String.format(Locale.ROOT, PROFILE_ROW, "date", "start", "duration", "max angle", "inverted",
                    "ended by", "level", "comfort"));
        } else {
            s.append(String.format(Locale.ROOT, ROW, "date", "start", "duration", "max angle", "inverted", "ended by"));
        }
        for (HistoryWeek week : HistoryWeek.of(records, zone)) {
            renderWeek(s, week, zone, withProgress);
        }
    }

    private static void renderWeek(StringBuilder s, HistoryWeek week, ZoneId zone, boolean withProgress) {
        for (HistoryRecord r : week.sessions()) {
            ZonedDateTime start = r.start().atZone(zone);
            String endedBy = r.endedBy().text().replace('_', ' ');
            Object[] cells = {start.toLocalDate(), TIME.format(start),
                clock(Duration.between(r.start(), r.end()).toSeconds()),
                String.format(Locale.ROOT, "%.1f deg", r.maxAngleDeg()), clock(Math.round(r.invertedS())), endedBy};
            if (withProgress) {
                s.append(String.format(Locale.ROOT, PROFILE_ROW, cells[0], cells[1], cells[2], cells[3], cells[4],
                        endedBy, r.level() < 0 ? "-" : Integer.toString(r.level()), comfort(r.comfort())));
            } else {
                s.append(String.format(Locale.ROOT, ROW, cells));
            }
        }
        int n = week.sessions().size();
        s.append(String.format(Locale.ROOT, "week %s: %d %s, %.1f min inverted%n",
                week.week(), n, n == 1 ? "session" : "sessions", week.invertedS() / 60.0));
        if (week.warning()) {
            s.append("warning: ").append(n).append(" sessions in week ").append(week.week())
                    .append("; guidance for beginners: 2-3 sessions a week\n");
        }
        s.append('\n');
    }

    /** "-" for a session that did not invert (the progression does not judge it). */
    private static String comfort(SessionComfort comfort) {
        return comfort == null ? "-" : comfort.text().replace('_', ' ');
    }

    private static void status(StringBuilder s, HistoryProfile p) {
        LevelLimits limits = p.limits();
        if (!p.configured()) {
            s.append("not in the configuration");
            if (p.level() >= 0) {
                s.append("; level ").append(p.level()).append(" at its last session");
            }
            s.append('\n');
            return;
        }
        String ceiling = deg(p.ceilingAngleDeg()) + ", " + clock(Math.round(p.ceilingInvertedS()));
        if (!p.progression()) {
            s.append("no progression: ceiling ").append(ceiling).append('\n');
            return;
        }
        if (limits == null) {
            s.append("level not known: no journal and no session with a level yet (ceiling ").append(ceiling)
                    .append(")\n");
            return;
        }
        s.append("level ").append(p.level()).append(p.levelIsCurrent() ? "" : " at its last session").append(": ")
                .append(deg(limits.angleDeg())).append(", ").append(clock(Math.round(limits.invertedS())))
                .append(" inverted (ceiling ").append(ceiling).append(")\n");
        if (p.nextStep() != null) {
            s.append("next step: ").append(p.nextStep()).append('\n');
        }
    }

    /** "30 deg", "22.5 deg": limits are whole degrees as a rule, a configured ceiling need not be. */
    static String deg(double angleDeg) {
        return (angleDeg == Math.rint(angleDeg) ? String.format(Locale.ROOT, "%.0f", angleDeg)
                : String.format(Locale.ROOT, "%.1f", angleDeg)) + " deg";
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long sec = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
