package org.inversiontable.session;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The session history as a table for people, one row per session, grouped by ISO week with the
 * week's totals, and a warning for a week with more sessions than beginners are advised to do.
 *
 * <pre>{@code
 * out.print(HistoryReport.render(history.read(), ZoneId.systemDefault()));
 * }</pre>
 */
public final class HistoryReport {
    /** Beginners' guidance: 2-3 sessions a week. */
    static final int SESSIONS_PER_WEEK_ADVISED_MAX = 3;
    static final String NO_SESSIONS = "no sessions recorded yet";

    private static final String ROW = "%-10s  %-5s  %8s  %9s  %8s  %s%n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private HistoryReport() {
    }

    public static String render(HistoryReadResult result, ZoneId zone) {
        StringBuilder s = new StringBuilder();
        if (result.records().isEmpty()) {
            s.append(NO_SESSIONS).append('\n');
        } else {
            s.append(String.format(Locale.ROOT, ROW, "date", "start", "duration", "max angle", "inverted", "ended by"));
            for (Map.Entry<String, List<HistoryRecord>> week : byIsoWeek(result.records(), zone).entrySet()) {
                renderWeek(s, week.getKey(), week.getValue(), zone);
            }
        }
        for (String warning : result.warnings()) {
            s.append("warning: ").append(warning).append('\n');
        }
        return s.toString();
    }

    private static Map<String, List<HistoryRecord>> byIsoWeek(List<HistoryRecord> records, ZoneId zone) {
        List<HistoryRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(HistoryRecord::start));
        Map<String, List<HistoryRecord>> weeks = new LinkedHashMap<>();
        for (HistoryRecord r : sorted) {
            weeks.computeIfAbsent(isoWeek(r.start().atZone(zone).toLocalDate()), w -> new ArrayList<>()).add(r);
        }
        return weeks;
    }

    static String isoWeek(LocalDate date) {
        return String.format(Locale.ROOT, "%d-W%02d",
                date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static void renderWeek(StringBuilder s, String week, List<HistoryRecord> records, ZoneId zone) {
        double invertedS = 0;
        for (HistoryRecord r : records) {
            ZonedDateTime start = r.start().atZone(zone);
            s.append(String.format(Locale.ROOT, ROW, start.toLocalDate(), TIME.format(start),
                    clock(Duration.between(r.start(), r.end()).toSeconds()),
                    String.format(Locale.ROOT, "%.1f deg", r.maxAngleDeg()),
                    clock(Math.round(r.invertedS())), r.endedBy().text().replace('_', ' ')));
            invertedS += r.invertedS();
        }
        int n = records.size();
        s.append(String.format(Locale.ROOT, "week %s: %d %s, %.1f min inverted%n",
                week, n, n == 1 ? "session" : "sessions", invertedS / 60.0));
        if (n > SESSIONS_PER_WEEK_ADVISED_MAX) {
            s.append("warning: ").append(n).append(" sessions in week ").append(week)
                    .append("; guidance for beginners: 2-3 sessions a week\n");
        }
        s.append('\n');
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
