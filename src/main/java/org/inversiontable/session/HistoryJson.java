package org.inversiontable.session;

import org.inversiontable.json.JsonText;

import java.time.ZoneId;
import java.util.List;
import org.inversiontable.progression.LevelLimits;

/**
 * {@code history --json}: the history and the progression as one JSON document for tools. The
 * field names are an interface: add fields, never rename or remove one.
 *
 * <pre>
 * {
 *   "profile_in_force": "anna" | null,       null: no profile configured, or no journal to say
 *   "journal": "ok" | "none" | "unreadable: REASON",
 *   "profiles": [{                            configuration order, then profiles found only in the history
 *     "name": "anna",
 *     "configured": true,                     false: found only in the history
 *     "progression": true,
 *     "level": 2 | null,                      the journal's; without it the last session's; null: unknown or no progression
 *     "level_from": "journal" | "last_session" | null,
 *     "limit_angle_deg": 30.0 | null,         the next session's limits: the level's, or the ceiling without progression
 *     "limit_inverted_s": 240.0 | null,
 *     "ceiling_angle_deg": 45.0 | null,       null when not configured
 *     "ceiling_inverted_s": 600.0 | null,
 *     "comfortable_dates": ["2026-01-05"] | null,  since the level last changed; null without the journal's state
 *     "not_comfortable_run": 1 | null,
 *     "next_step": "2 more comfortable sessions on different days" | null,
 *     "sessions": [HISTORY LINE, ...],        by start; each exactly a history line's fields (start, end,
 *                                             max_angle_deg, inverted_s, ended_by, session, profile, level, comfort)
 *     "weeks": [{"week": "2026-W02", "sessions": 3, "inverted_s": 360.0, "warning": false}]
 *   }],
 *   "sessions_without_profile": [HISTORY LINE, ...],
 *   "weeks_without_profile": [WEEK, ...],
 *   "warnings": ["history.jsonl:7: skipped a torn last line ..."]
 * }
 * </pre>
 *
 * Weeks are ISO weeks in the zone given; {@code warning} is true above 3 sessions in the week. A
 * session whose end was written twice is listed once (the later line).
 */
public final class HistoryJson {
    private HistoryJson() {
    }

    public static String render(HistoryOverview overview, List<String> warnings, ZoneId zone) {
        StringBuilder s = new StringBuilder("{");
        field(s, "profile_in_force").append(string(overview.profileInForce())).append(',');
        field(s, "journal").append(string(overview.journal().text())).append(',');
        field(s, "profiles").append('[');
        for (int i = 0; i < overview.profiles().size(); i++) {
            s.append(i == 0 ? "" : ",");
            profile(s, overview.profiles().get(i), zone);
        }
        s.append("],");
        field(s, "sessions_without_profile");
        sessions(s, overview.withoutProfile()).append(',');
        field(s, "weeks_without_profile");
        weeks(s, HistoryWeek.of(overview.withoutProfile(), zone)).append(',');
        field(s, "warnings").append('[');
        for (int i = 0; i < warnings.size(); i++) {
            s.append(i == 0 ? "" : ",").append(string(warnings.get(i)));
        }
        return s.append("]}\n").toString();
    }

    private static void profile(StringBuilder s, HistoryProfile p, ZoneId zone) {
        LevelLimits limits = p.limits();
        boolean levelKnown = (p.progression() || !p.configured()) && p.level() >= 0;
        s.append('{');
        field(s, "name").append(string(p.name())).append(',');
        field(s, "configured").append(p.configured()).append(',');
        field(s, "progression").append(p.progression()).append(',');
        field(s, "level").append(levelKnown ? Integer.toString(p.level()) : "null").append(',');
        field(s, "level_from").append(!levelKnown ? "null"
                : p.levelIsCurrent() ? "\"journal\"" : "\"last_session\"").append(',');
        field(s, "limit_angle_deg").append(number(limits == null ? Double.NaN : limits.angleDeg())).append(',');
        field(s, "limit_inverted_s").append(number(limits == null ? Double.NaN : limits.invertedS())).append(',');
        field(s, "ceiling_angle_deg").append(number(p.ceilingAngleDeg())).append(',');
        field(s, "ceiling_inverted_s").append(number(p.ceilingInvertedS())).append(',');
        field(s, "comfortable_dates");
        if (p.state() == null) {
            s.append("null");
        } else {
            s.append('[');
            for (int i = 0; i < p.state().comfortableDates().size(); i++) {
                s.append(i == 0 ? "" : ",").append(string(p.state().comfortableDates().get(i).toString()));
            }
            s.append(']');
        }
        s.append(',');
        field(s, "not_comfortable_run").append(p.state() == null ? "null"
                : Integer.toString(p.state().notComfortableRun())).append(',');
        field(s, "next_step").append(string(p.nextStep())).append(',');
        field(s, "sessions");
        sessions(s, p.sessions()).append(',');
        field(s, "weeks");
        weeks(s, HistoryWeek.of(p.sessions(), zone)).append('}');
    }

    /** Each exactly as its history line: one format for the same fact, whichever file it is read from. */
    private static StringBuilder sessions(StringBuilder s, List<HistoryRecord> records) {
        s.append('[');
        for (int i = 0; i < records.size(); i++) {
            s.append(i == 0 ? "" : ",").append(records.get(i).toJson());
        }
        return s.append(']');
    }

    private static StringBuilder weeks(StringBuilder s, List<HistoryWeek> weeks) {
        s.append('[');
        for (int i = 0; i < weeks.size(); i++) {
            HistoryWeek w = weeks.get(i);
            s.append(i == 0 ? "{" : ",{");
            field(s, "week").append(string(w.week())).append(',');
            field(s, "sessions").append(w.sessions().size()).append(',');
            field(s, "inverted_s").append(number(w.invertedS())).append(',');
            field(s, "warning").append(w.warning()).append('}');
        }
        return s.append(']');
    }

    private static StringBuilder field(StringBuilder s, String name) {
        return s.append('"').append(name).append("\":");
    }

    /** JSON has no NaN: an unknown number is null. */
    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /** A JSON string, or null: the project's one escaper. */
    static String string(String text) {
        StringBuilder s = new StringBuilder();
        JsonText.appendString(s, text);
        return s.toString();
    }
}
