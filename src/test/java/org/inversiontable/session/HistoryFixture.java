package org.inversiontable.session;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inversiontable.progression.ProfileBook;
import org.inversiontable.progression.ProgressionState;
import org.inversiontable.progression.SessionComfort;

/**
 * A table with two profiles for the history tests, written the way the controller writes them:
 * the history through {@link SessionHistory}, the journal through {@link SessionJournal#save}.
 * anna has progression (ceiling 45 deg, 10:00), ben has none (ceiling 25 deg, 10:00).
 */
final class HistoryFixture {
    final Path dir;
    final Path journalDir;
    final Path history;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    HistoryFixture(Path dir) {
        this.dir = dir;
        this.journalDir = dir.resolve("state");
        this.history = journalDir.resolve(SessionFiles.DEFAULT_HISTORY_NAME);
    }

    Path config(String... extra) throws Exception {
        List<String> lines = new ArrayList<>(List.of("journal_dir = " + journalDir,
                "max_angle_deg = 45", "max_inverted_s = 600",
                "profile.anna.progression = on",
                "profile.ben.max_angle_deg = 25"));
        lines.addAll(List.of(extra));
        Path file = dir.resolve("table.conf");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    /** A table without profiles, its history beside the journal. */
    Path plainConfig() throws Exception {
        Path file = dir.resolve("plain.conf");
        Files.writeString(file, "journal_dir = " + journalDir + "\n");
        return file;
    }

    static HistoryRecord session(long id, String start, long durationS, double invertedS, EndedBy endedBy,
            String profile, int level, SessionComfort comfort) {
        Instant s = Instant.parse(start);
        return new HistoryRecord(s, s.plusSeconds(durationS), 24.0, invertedS, endedBy, id, profile, level, comfort);
    }

    void append(HistoryRecord... records) throws Exception {
        SessionHistory h = new SessionHistory(history);
        for (HistoryRecord r : records) {
            h.append(r);
        }
    }

    /** anna in force at level 2, one comfortable date since, one session not comfortable just before. */
    void journalAnnaAtLevelTwo() throws Exception {
        ProfileBook book = new ProfileBook("anna",
                Map.of("anna", new ProgressionState(2, List.of(LocalDate.parse("2026-01-08")), 1)),
                Instant.parse("2026-01-09T08:10:00Z").toEpochMilli(), LocalDate.parse("2026-01-09"));
        new SessionJournal(journalDir).save(new SessionSnapshot(6, 0, 0, 0, false, false, book));
    }

    /**
     * Week 2026-W02: anna four times (the 4th written twice, as a power cut between the history and
     * the journal leaves it), ben once, one session from before the profiles.
     */
    void weekOfSessions() throws Exception {
        append(session(0, "2026-01-04T08:00:00Z", 300, 100, EndedBy.USER, null, -1, null),
                session(1, "2026-01-05T08:00:00Z", 400, 240, EndedBy.AUTO_RETURN, "anna", 2, SessionComfort.COMFORTABLE),
                session(2, "2026-01-06T08:00:00Z", 300, 60, EndedBy.USER, "anna", 2, SessionComfort.NOT_COMFORTABLE),
                session(3, "2026-01-06T18:00:00Z", 200, 120, EndedBy.USER, "ben", -1, SessionComfort.COMFORTABLE),
                session(4, "2026-01-08T08:00:00Z", 400, 240, EndedBy.AUTO_RETURN, "anna", 2, SessionComfort.COMFORTABLE),
                session(5, "2026-01-09T08:00:00Z", 300, 90, EndedBy.USER, "anna", 2, SessionComfort.NOT_COMFORTABLE),
                session(5, "2026-01-09T08:00:00Z", 330, 90, EndedBy.POWER_LOSS, "anna", 2, SessionComfort.NOT_COUNTED));
    }

    int run(String... args) {
        return new HistoryCommand().run(List.of(args), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), ZoneOffset.UTC);
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
