package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7 with the journal on a real directory ({@code config journal_dir=...}) kept between two
 * runs, as on the Pi between two boots: a journal that cannot be trusted, and a disk that cannot
 * be written.
 */
class JournalOnDiskTest {
    private static final double MAX_INVERTED_S = 90;

    @TempDir
    Path dir;

    private String config() {
        return "config journal_dir=" + dir + " max_inverted_s=" + (int) MAX_INVERTED_S + "\n";
    }

    /** A first run that leaves a session in the journal: 30 deg, about 15 s inverted. */
    private void firstRun() {
        RecordingRun.Result first = RecordingRun.run(config() + """
                start angle_deg=-65
                at 1 press DOWN
                at 30 release DOWN
                run 30
                """);
        assertTrue(first.run().at(30).invertedS() > 10, "the first run should leave a session with inverted time");
        assertTrue(Files.exists(dir.resolve(SessionJournal.FILE_NAME)), "no journal after the first run");
    }

    private static long count(ScenarioHarness.Run run, String event) {
        return run.rows().stream().filter(r -> event.equals(r.event())).count();
    }

    @Test
    void aCorruptJournalCountsTheBudgetAsSpentAndIsReported() throws Exception {
        firstRun();
        Files.write(dir.resolve(SessionJournal.FILE_NAME), "inversion-table session journal v1\n\u0001\u00ff garbage"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        // The second boot finds the table inverted at 20 deg.
        ScenarioHarness.Run run = RecordingRun.run(config() + """
                start angle_deg=20
                at 3 click HOME
                at 40 press DOWN
                run 80
                """).run();
        TraceRow reported = run.firstEvent(TableEvent.JOURNAL_CORRUPT.text());
        assertNotNull(reported, "the corrupt journal was not reported in the trace");
        assertTrue(reported.tS() <= 0.1, "reported late, at " + reported.tS() + " s");
        assertEquals(1, count(run, TableEvent.JOURNAL_CORRUPT.text()), "reported once");
        assertTrue(run.rows().get(0).invertedS() >= MAX_INVERTED_S,
                "the budget should count as spent, inverted_s " + run.rows().get(0).invertedS());
        for (TraceRow r : run.between(0, 3)) {
            assertTrue(!r.enabled(), "moved before any press: t=" + r.tS());
        }
        TraceRow autoReturn = run.firstEvent("auto_return");
        assertNotNull(autoReturn, "the spent budget should bring the table back at the first press");
        assertTrue(autoReturn.tS() <= 3.2, "the return should start at the press at 3 s, started " + autoReturn.tS());
        TraceRow flat = run.first(3, r -> r.angleTrueDeg() <= 0);
        double maxAfter = run.between(flat.tS(), 80).stream().mapToDouble(TraceRow::angleTrueDeg).max().orElseThrow();
        assertTrue(maxAfter <= 0, "DOWN took the table inverted again on a spent budget: " + maxAfter + " deg");
    }

    @ParameterizedTest
    @EnumSource(BrokenDisk.Kind.class)
    void aDiskThatCannotBeWrittenNeitherStopsTheTableNorDamagesTheJournal(BrokenDisk.Kind kind) throws Exception {
        firstRun();
        byte[] before = Files.readAllBytes(dir.resolve(SessionJournal.FILE_NAME));
        BrokenDisk disk = new BrokenDisk(kind);
        ScenarioHarness.Run run = RecordingRun.run(config() + """
                start angle_deg=29.8
                at 2 click HOME
                run 60
                """, disk).run();
        assertTrue(disk.refusedWrites > 0, "the journal was never written");
        assertEquals(6001, run.rows().size(), "the loop must keep ticking at 100 Hz");
        TraceRow reported = run.firstEvent(TableEvent.JOURNAL_ERROR.text());
        assertNotNull(reported, "the write failure was not reported");
        assertEquals(1, count(run, TableEvent.JOURNAL_ERROR.text()), "reported once, not at every save");
        assertTrue(run.at(60).angleTrueDeg() < -60, "HOME should still bring the table home, at "
                + run.at(60).angleTrueDeg());
        assertTrue(run.at(1).invertedS() > 10, "the journal was still read: inverted_s " + run.at(1).invertedS());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve(SessionJournal.FILE_NAME)),
                "the journal on disk must stay as it was");
    }
}
