package org.inversiontable.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryReportTest {
    private static HistoryRecord session(String start, long durationS, double maxAngleDeg, double invertedS,
            EndedBy endedBy) {
        Instant s = Instant.parse(start);
        return new HistoryRecord(s, s.plusSeconds(durationS), maxAngleDeg, invertedS, endedBy);
    }

    private static String render(List<HistoryRecord> records, ZoneId zone) {
        return HistoryReport.render(new HistoryReadResult(records, List.of()), zone);
    }

    @Test
    void rowShowsDateStartDurationMaxAngleInvertedTimeAndHowItEnded() {
        String text = render(List.of(session("2026-11-24T10:00:00Z", 390, 30.14, 175.4, EndedBy.AUTO_RETURN)),
                ZoneId.of("Europe/Berlin"));
        assertEquals("""
                date        start  duration  max angle  inverted  ended by
                2026-11-24  11:00      6:30   30.1 deg      2:55  auto return
                week 2026-W48: 1 session, 2.9 min inverted

                """, text);
    }

    @Test
    void sessionsAreGroupedByIsoWeekWithTotals() {
        String text = render(List.of(
                session("2026-11-30T09:00:00Z", 300, 20, 120, EndedBy.USER),    // Monday, W49
                session("2026-11-24T09:00:00Z", 300, 20, 60, EndedBy.USER),     // Tuesday, W48
                session("2026-11-29T09:00:00Z", 4000, 25, 90, EndedBy.ESTOP)),  // Sunday, W48
                ZoneOffset.UTC);
        assertTrue(text.contains("week 2026-W48: 2 sessions, 2.5 min inverted"), text);
        assertTrue(text.contains("week 2026-W49: 1 session, 2.0 min inverted"), text);
        assertTrue(text.indexOf("2026-11-24") < text.indexOf("2026-11-29"), "sorted by start");
        assertTrue(text.indexOf("W48") < text.indexOf("2026-11-30"), "week total before the next week");
        assertTrue(text.contains("1:06:40"), "durations of an hour or more show hours: " + text);
    }

    @Test
    void isoWeeksCrossTheYearBoundary() {
        String text = render(List.of(session("2027-01-01T09:00:00Z", 60, 10, 30, EndedBy.USER)), ZoneOffset.UTC);
        assertTrue(text.contains("week 2026-W53"), text);
    }

    @Test
    void theWeekOfASessionIsJudgedInTheGivenZone() {
        // Sunday 23:30 UTC is already Monday in Berlin: the next ISO week there
        HistoryRecord r = session("2026-11-29T23:30:00Z", 60, 10, 30, EndedBy.USER);
        assertTrue(render(List.of(r), ZoneOffset.UTC).contains("2026-W48"));
        assertTrue(render(List.of(r), ZoneId.of("Europe/Berlin")).contains("2026-W49"));
    }

    @Test
    void aWeekWithMoreThanThreeSessionsIsWarned() {
        List<HistoryRecord> four = new ArrayList<>();
        for (int day = 23; day <= 26; day++) {
            four.add(session("2026-11-" + day + "T09:00:00Z", 300, 20, 60, EndedBy.USER));
        }
        String text = render(four, ZoneOffset.UTC);
        assertTrue(text.contains("warning: 4 sessions in week 2026-W48; guidance for beginners: 2-3 sessions a week"),
                text);
        assertFalse(render(four.subList(0, 3), ZoneOffset.UTC).contains("warning"), "three a week is fine");
    }

    @Test
    void noSessionsSaysSo() {
        assertEquals("no sessions recorded yet\n", render(List.of(), ZoneOffset.UTC));
    }

    @Test
    void skippedLinesAreListedAsWarnings() {
        String text = HistoryReport.render(new HistoryReadResult(List.of(),
                List.of("h.jsonl:3: skipped a torn last line")), ZoneOffset.UTC);
        assertTrue(text.contains("warning: h.jsonl:3: skipped a torn last line"), text);
    }
}
