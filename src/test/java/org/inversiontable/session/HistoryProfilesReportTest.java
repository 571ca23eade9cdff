package org.inversiontable.session;

import static org.inversiontable.session.HistoryFixture.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.inversiontable.progression.SessionComfort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §13 "history shows, per profile, each session's level, how it ended, comfort, level and next step". */
class HistoryProfilesReportTest {
    @TempDir
    Path dir;
    private HistoryFixture t;

    @BeforeEach
    void setUp() {
        t = new HistoryFixture(dir);
    }

    private String report() throws Exception {
        assertEquals(0, t.run("--config", t.config().toString()), t.err());
        return t.out();
    }

    @Test
    void sessionsAreGroupedByProfileInTheConfigurationsOrderThenWithoutAProfile() throws Exception {
        t.weekOfSessions();
        t.journalAnnaAtLevelTwo();
        String text = report();
        int anna = text.indexOf("profile anna (in force)\n");
        int ben = text.indexOf("profile ben\n");
        int none = text.indexOf("sessions without a profile\n");
        assertTrue(anna >= 0 && anna < ben && ben < none, text);
        assertTrue(text.substring(ben, none).contains("2026-01-06  18:00"), "ben's session under ben: " + text);
        assertTrue(text.substring(none).contains("2026-01-04  08:00"), text);
        assertFalse(text.substring(anna, ben).contains("2026-01-04"), text);
    }

    @Test
    void eachSessionShowsHowItEndedItsLevelAndWhetherItCounted() throws Exception {
        t.weekOfSessions();
        t.journalAnnaAtLevelTwo();
        String text = report();
        assertTrue(text.contains(
                "date        start  duration  max angle  inverted  ended by     level  comfort\n"), text);
        assertTrue(text.contains("2026-01-05  08:00      6:40   24.0 deg      4:00  auto return      2  comfortable\n"), text);
        assertTrue(text.contains("2026-01-06  08:00      5:00   24.0 deg      1:00  user             2  not comfortable\n"), text);
        assertTrue(text.contains("2026-01-06  18:00      3:20   24.0 deg      2:00  user             -  comfortable\n"), text);
    }

    @Test
    void aSessionWhoseEndWasWrittenTwiceShowsOnceAsItsLaterLine() throws Exception {
        t.weekOfSessions();
        t.journalAnnaAtLevelTwo();
        String text = report();
        assertEquals(1, text.split("2026-01-09  08:00", -1).length - 1, text);
        assertTrue(text.contains("2026-01-09  08:00      5:30   24.0 deg      1:30  power loss       2  not counted\n"), text);
    }

    @Test
    void theLevelInForceItsLimitsAndTheNextStepComeFromTheJournal() throws Exception {
        t.weekOfSessions();
        t.journalAnnaAtLevelTwo();
        String text = report();
        assertTrue(text.startsWith("profile in force: anna\n"), text);
        assertTrue(text.contains("level 2: 30 deg, 4:00 inverted (ceiling 45 deg, 10:00)\n"), text);
        assertTrue(text.contains("next step: 2 more comfortable sessions on different days; "
                + "1 more session not comfortable in a row steps down\n"), text);
        assertTrue(text.contains("no progression: ceiling 25 deg, 10:00\n"), text);
    }

    @Test
    void moreThanThreeSessionsOfAProfileInOneIsoWeekAreWarned() throws Exception {
        t.weekOfSessions();
        t.journalAnnaAtLevelTwo();
        String text = report();
        // anna: 5th, 6th, 8th, 9th (the 9th once, though written twice)
        assertTrue(text.contains("week 2026-W02: 4 sessions, 10.5 min inverted\n"
                + "warning: 4 sessions in week 2026-W02; guidance for beginners: 2-3 sessions a week\n"), text);
        assertTrue(text.contains("week 2026-W02: 1 session, 2.0 min inverted\n\n"), "ben is not warned: " + text);
    }

    @Test
    void aProfileFoundOnlyInTheHistoryComesAfterTheConfiguredOnes() throws Exception {
        t.append(session(1, "2026-01-05T08:00:00Z", 400, 240, EndedBy.USER, "carl", 1, SessionComfort.COMFORTABLE));
        t.journalAnnaAtLevelTwo();
        String text = report();
        assertTrue(text.indexOf("profile ben\n") < text.indexOf("profile carl\n"), text);
        assertTrue(text.contains("not in the configuration; level 1 at its last session\n"), text);
        assertTrue(text.contains("profile ben\nno sessions recorded yet\n"), text);
    }

    @Test
    void withoutAJournalItSaysSoAndShowsTheLastSessionsLevel() throws Exception {
        t.weekOfSessions();
        String text = report();
        assertTrue(text.startsWith("journal: none (no " + t.journalDir.resolve(SessionJournal.FILE_NAME) + ")\n"), text);
        assertTrue(text.contains("profile in force: not known without the journal"), text);
        assertTrue(text.contains("level 2 at its last session: 30 deg, 4:00 inverted (ceiling 45 deg, 10:00)\n"), text);
        assertFalse(text.contains("next step"), "no next step without the journal's counts: " + text);
        assertFalse(text.contains("(in force)"), text);
    }

    @Test
    void aJournalThatCannotBeTrustedIsReportedAndTheHistoryStillShown() throws Exception {
        t.weekOfSessions();
        Files.writeString(t.journalDir.resolve(SessionJournal.FILE_NAME), "not a journal\n");
        String text = report();
        assertTrue(text.startsWith("journal: unreadable: " + t.journalDir.resolve(SessionJournal.FILE_NAME)), text);
        assertTrue(text.contains("the table starts again with the first profile at level 0"), text);
        assertTrue(text.contains("level 2 at its last session"), text);
    }

    @Test
    void aJournalTheSystemWillNotReadIsBadInput() throws Exception {
        t.weekOfSessions();
        Files.createDirectories(t.journalDir.resolve(SessionJournal.FILE_NAME));
        assertEquals(2, t.run("--config", t.config().toString()));
        assertTrue(t.err().startsWith("history: cannot read the journal "
                + t.journalDir.resolve(SessionJournal.FILE_NAME) + ": "), t.err());
        assertFalse(t.err().contains("Exception"), t.err());
        assertEquals("", t.out());
    }

    @Test
    void historyNeverTouchesTheJournalsFilesEvenALeftoverSave() throws Exception {
        // beside a running table, the temporary file may be a save in progress: removing it would fail it
        t.weekOfSessions();
        t.journalAnnaAtLevelTwo();
        Path temp = t.journalDir.resolve(SessionJournal.TEMP_NAME);
        Files.writeString(temp, "half a save");
        byte[] journal = Files.readAllBytes(t.journalDir.resolve(SessionJournal.FILE_NAME));
        report();
        assertEquals("half a save", Files.readString(temp));
        assertEquals(new String(journal), Files.readString(t.journalDir.resolve(SessionJournal.FILE_NAME)));
    }

    @Test
    void aLevelAboveALoweredCeilingIsShownAtTheCeilingsTop() throws Exception {
        t.journalAnnaAtLevelTwo();
        // anna's ceiling lowered to 25 deg, 3:00: level 1 is her top (25 deg, 3:00)
        assertEquals(0, t.run("--config", t.config("profile.anna.max_angle_deg = 25",
                "profile.anna.max_inverted_s = 180").toString()), t.err());
        assertTrue(t.out().contains("level 1: 25 deg, 3:00 inverted (ceiling 25 deg, 3:00)\nnext step: at the ceiling\n"),
                t.out());
    }

    @Test
    void withNoProfilesAnywhereTheOutputIsTheTableOfOld() throws Exception {
        t.append(session(1, "2026-11-24T10:00:00Z", 390, 175, EndedBy.USER, null, -1, null),
                session(2, "2026-11-25T10:00:00Z", 60, 30, EndedBy.AUTO_RETURN, null, -1, null));
        new SessionJournal(t.journalDir).save(new SessionSnapshot(2, 0, 0, 0, false));
        assertEquals(0, t.run("--config", t.plainConfig().toString()), t.err());
        assertEquals("""
                date        start  duration  max angle  inverted  ended by
                2026-11-24  10:00      6:30   24.0 deg      2:55  user
                2026-11-25  10:00      1:00   24.0 deg      0:30  auto return
                week 2026-W48: 2 sessions, 3.4 min inverted

                """, t.out());
    }

    @Test
    void aTornLastLineIsSkippedWithAWarningAsBefore() throws Exception {
        t.weekOfSessions();
        t.journalAnnaAtLevelTwo();
        Files.writeString(t.history, "{\"start\":\"2026-01-1", java.nio.file.StandardOpenOption.APPEND);
        String text = report();
        assertTrue(text.contains("skipped a torn last line"), text);
        assertTrue(text.contains("profile anna (in force)"), text);
    }
}
