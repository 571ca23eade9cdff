package org.inversiontable.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
    private static final HistoryRecord SESSION = new HistoryRecord(Instant.parse("2026-11-24T10:00:00Z"),
            Instant.parse("2026-11-24T10:06:30Z"), 30.1, 175.0, EndedBy.USER);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return new HistoryCommand().run(List.of(args), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), ZoneOffset.UTC);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private Path config(String... lines) throws Exception {
        Path file = dir.resolve("table.conf");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void historyInTheJournalDirectoryIsShown() throws Exception {
        Path journalDir = dir.resolve("state");
        new SessionHistory(journalDir.resolve("history.jsonl")).append(SESSION);
        assertEquals(0, run("--config", config("journal_dir = " + journalDir).toString()));
        assertTrue(out().contains("2026-11-24  10:00      6:30   30.1 deg      2:55  user"), out());
    }

    @Test
    void historyFileKeyTakesPrecedenceOverTheJournalDirectory() throws Exception {
        Path history = dir.resolve("elsewhere.jsonl");
        new SessionHistory(history).append(SESSION);
        assertEquals(0, run("--config", config("journal_dir = " + dir.resolve("state"),
                "history_file = " + history).toString()));
        assertTrue(out().contains("week 2026-W48: 1 session"), out());
    }

    @Test
    void noHistoryFileYetMeansNoSessionsRecorded() throws Exception {
        assertEquals(0, run("--config", config("journal_dir = " + dir.resolve("state")).toString()));
        assertEquals("no sessions recorded yet\n", out());
    }

    @Test
    void noHistoryConfiguredExitsTwoSayingWhatToSet() {
        assertEquals(2, run());
        assertTrue(err().contains("no history is configured: set history_file or journal_dir"), err());
        assertTrue(err().contains("--config FILE"), err());
    }

    @Test
    void badConfigurationExitsTwoListingItsProblems() throws Exception {
        Path file = config("journal_dri = /tmp/x");
        assertEquals(2, run("--config", file.toString()));
        assertTrue(err().contains(file + ":1: journal_dri: unknown key; did you mean 'journal_dir'?"), err());
    }

    @Test
    void unreadableHistoryExitsTwoWithoutAStackTrace() throws Exception {
        Path history = dir.resolve("history.jsonl");
        Files.createDirectory(history);
        assertEquals(2, run("--config", config("history_file = " + history).toString()));
        assertTrue(err().startsWith("history: cannot read " + history + ": "), err());
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void unexpectedArgumentsAreAUsageError() {
        assertEquals(2, run("--config"));
        assertEquals(2, run("--verbose"));
        assertTrue(err().contains("usage: history [--config FILE] [--json]"), err());
    }

    @Test
    void jsonTwiceOrAnUnknownOptionIsAUsageErrorThatNamesIt() {
        assertEquals(2, run("--json", "--json"));
        assertTrue(err().contains("history: --json given twice"), err());
        assertEquals(2, run("--jsno"));
        assertTrue(err().contains("history: unexpected argument '--jsno'"), err());
        assertEquals("", out());
    }

    @Test
    void jsonWithABadConfigurationExitsTwoListingItsProblems() throws Exception {
        Path file = config("journal_dri = /tmp/x");
        assertEquals(2, run("--json", "--config", file.toString()));
        assertTrue(err().contains(file + ":1: journal_dri: unknown key"), err());
        assertEquals("", out());
    }
}
