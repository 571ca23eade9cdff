package org.inversiontable.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history --json}: the same facts as the report, for tools; parsed back with jackson-jr. */
class HistoryJsonTest {
    @TempDir
    Path dir;
    private HistoryFixture t;

    @BeforeEach
    void setUp() {
        t = new HistoryFixture(dir);
    }

    private Map<String, Object> json(String... extraConfig) throws Exception {
        assertEquals(0, t.run("--json", "--config", t.config(extraConfig).toString()), t.err());
        assertEquals(1, t.out().lines().count(), "one document, one line: " + t.out());
        return JSON.std.mapFrom(t.out());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void eachProfileCarriesItsLevelLimitsCountsNextStepSessionsAndWeeks() throws Exception {
        t.weekOfSessions();
        t.journalAnnaAtLevelTwo();
        Map<String, Object> doc = json();
        assertEquals("anna", doc.get("profile_in_force"));
        assertEquals("ok", doc.get("journal"));
        List<Map<String, Object>> profiles = list(doc.get("profiles"));
        assertEquals(List.of("anna", "ben"), profiles.stream().map(p -> p.get("name")).toList());
        Map<String, Object> anna = profiles.get(0);
        assertEquals(true, anna.get("progression"));
        assertEquals(2, anna.get("level"));
        assertEquals("journal", anna.get("level_from"));
        assertEquals(30.0, anna.get("limit_angle_deg"));
        assertEquals(240.0, anna.get("limit_inverted_s"));
        assertEquals(45.0, anna.get("ceiling_angle_deg"));
        assertEquals(600.0, anna.get("ceiling_inverted_s"));
        assertEquals(List.of("2026-01-08"), anna.get("comfortable_dates"));
        assertEquals(1, anna.get("not_comfortable_run"));
        assertEquals("2 more comfortable sessions on different days; 1 more session not comfortable in a row steps down",
                anna.get("next_step"));
        List<Map<String, Object>> sessions = list(anna.get("sessions"));
        assertEquals(4, sessions.size(), "session 5, written twice, once");
        assertEquals("power_loss", sessions.get(3).get("ended_by"));
        assertEquals("not_counted", sessions.get(3).get("comfort"));
        assertEquals(5, sessions.get(3).get("session"));
        assertEquals(List.of(Map.of("week", "2026-W02", "sessions", 4, "inverted_s", 630.0, "warning", true)),
                anna.get("weeks"));
    }

    @Test
    void aProfileWithoutProgressionHasItsCeilingAsItsLimitsAndNoLevel() throws Exception {
        t.weekOfSessions();
        t.journalAnnaAtLevelTwo();
        Map<String, Object> ben = list(json().get("profiles")).get(1);
        assertEquals(false, ben.get("progression"));
        assertNull(ben.get("level"));
        assertEquals(25.0, ben.get("limit_angle_deg"));
        assertEquals(600.0, ben.get("limit_inverted_s"));
        assertNull(ben.get("next_step"));
        assertEquals(false, list(ben.get("weeks")).get(0).get("warning"));
    }

    @Test
    void sessionsWithoutAProfileAndTheirWeeksAreListedApart() throws Exception {
        t.weekOfSessions();
        Map<String, Object> doc = json();
        List<Map<String, Object>> none = list(doc.get("sessions_without_profile"));
        assertEquals(1, none.size());
        assertEquals("2026-01-04T08:00:00Z", none.get(0).get("start"));
        assertFalse(none.get(0).containsKey("profile"));
        assertEquals("2026-W01", list(doc.get("weeks_without_profile")).get(0).get("week"));
    }

    @Test
    void withoutAJournalTheLevelIsTheLastSessionsAndSaysSo() throws Exception {
        t.weekOfSessions();
        Map<String, Object> doc = json();
        assertEquals("none", doc.get("journal"));
        assertNull(doc.get("profile_in_force"));
        Map<String, Object> anna = list(doc.get("profiles")).get(0);
        assertEquals(2, anna.get("level"));
        assertEquals("last_session", anna.get("level_from"));
        assertNull(anna.get("comfortable_dates"));
        assertNull(anna.get("next_step"));
    }

    @Test
    void anUntrustedJournalIsNamedWithItsReason() throws Exception {
        Files.createDirectories(t.journalDir);
        Files.writeString(t.journalDir.resolve(SessionJournal.FILE_NAME), "not \"a\" journal\n");
        String journal = (String) json().get("journal");
        assertTrue(journal.startsWith("unreadable: " + t.journalDir.resolve(SessionJournal.FILE_NAME)), journal);
    }

    @Test
    void skippedLinesAreListedAsWarnings() throws Exception {
        t.weekOfSessions();
        Files.writeString(t.history, "{\"start\":", java.nio.file.StandardOpenOption.APPEND);
        List<?> warnings = (List<?>) json().get("warnings");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).toString().contains("skipped a torn last line"), warnings.toString());
    }

    @Test
    void aTableWithoutProfilesHasNoneAndAllItsSessionsApart() throws Exception {
        t.append(HistoryFixture.session(1, "2026-11-24T10:00:00Z", 390, 175, EndedBy.USER, null, -1, null));
        assertEquals(0, t.run("--config", t.plainConfig().toString(), "--json"), t.err());
        Map<String, Object> doc = JSON.std.mapFrom(t.out());
        assertEquals(List.of(), doc.get("profiles"));
        assertEquals(1, list(doc.get("sessions_without_profile")).size());
    }

    @Test
    void stringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", HistoryJson.string("a\"b\\c\nd\u0001"));
        assertEquals("null", HistoryJson.string(null));
    }
}
