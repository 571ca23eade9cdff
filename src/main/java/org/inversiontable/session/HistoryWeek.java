package org.inversiontable.session;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One ISO week of sessions (of one profile, or of the whole table) with its totals, and whether it
 * holds more sessions than beginners are advised to do (SPEC §13: more than 3 a week is a warning).
 *
 * <pre>{@code
 * for (HistoryWeek w : HistoryWeek.of(records, zone)) { ... w.week() ... w.warning() ... }
 * }</pre>
 *
 * @param week     "2026-W02", in the given zone
 * @param sessions the week's sessions, by start
 */
public record HistoryWeek(String week, List<HistoryRecord> sessions) {
    /** Beginners' guidance: 2-3 sessions a week. */
    public static final int SESSIONS_PER_WEEK_ADVISED_MAX = 3;

    public HistoryWeek {
        sessions = List.copyOf(sessions);
    }

    /** The records by ISO week, the weeks and the sessions in each sorted by start. */
    public static List<HistoryWeek> of(List<HistoryRecord> records, ZoneId zone) {
        List<HistoryRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(HistoryRecord::start));
        Map<String, List<HistoryRecord>> weeks = new LinkedHashMap<>();
        for (HistoryRecord r : sorted) {
            weeks.computeIfAbsent(isoWeek(r.start().atZone(zone).toLocalDate()), w -> new ArrayList<>()).add(r);
        }
        List<HistoryWeek> result = new ArrayList<>();
        weeks.forEach((week, sessions) -> result.add(new HistoryWeek(week, sessions)));
        return result;
    }

    static String isoWeek(LocalDate date) {
        return String.format(Locale.ROOT, "%d-W%02d",
                date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public double invertedS() {
        return sessions.stream().mapToDouble(HistoryRecord::invertedS).sum();
    }

    public boolean warning() {
        return sessions.size() > SESSIONS_PER_WEEK_ADVISED_MAX;
    }
}
