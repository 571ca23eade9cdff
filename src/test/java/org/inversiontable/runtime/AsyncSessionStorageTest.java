package org.inversiontable.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.inversiontable.process.SessionWriter;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.session.EndedBy;
import org.inversiontable.session.HistoryRecord;
import org.inversiontable.session.JournalState;
import org.inversiontable.session.SessionHistory;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.session.SessionSnapshot;
import org.inversiontable.time.ManualClock;
import org.inversiontable.time.SystemClock;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §12: the writer thread's promises (latest journal wins, no history line lost, crash order, lag reported). */
class AsyncSessionStorageTest {
    private static final long TIMEOUT_S = 30;
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    @TempDir
    Path dir;

    private final FakeTable table = new FakeTable();
    private final FakeTable.BlockingFiles files = table.files;
    private final AuxiliaryFailures failures = new AuxiliaryFailures();

    private Path historyFile() {
        return dir.resolve("history.jsonl");
    }

    private AsyncSessionStorage storage(org.inversiontable.time.Clock clock) {
        AsyncSessionStorage storage = new AsyncSessionStorage(clock, row -> { }, failures);
        storage.of(new SessionWriter(new SessionJournal(dir, files), Optional.of(new SessionHistory(historyFile())),
                Optional.empty()));
        return storage;
    }

    private static SessionSnapshot snapshot(double invertedS, boolean active) {
        return new SessionSnapshot(1, T0.toEpochMilli(), invertedS, 30.0, active, false);
    }

    private static HistoryRecord line(int i) {
        return new HistoryRecord(T0.plusSeconds(60L * i), T0.plusSeconds(60L * i + 30), 30.0, i, EndedBy.USER);
    }

    private SessionSnapshot journaled() {
        return assertInstanceOf(JournalState.Loaded.class, new SessionJournal(dir).load()).snapshot();
    }

    private List<HistoryRecord> history() {
        try {
            return new SessionHistory(historyFile()).read().records();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void historyLinesAreNotLostWhenTheWriterIsSlowAndTheJournalsLatestWins() throws InterruptedException {
        AsyncSessionStorage storage = storage(new SystemClock());
        storage.start();
        files.blockNextJournal();
        storage.journal(snapshot(1, true));
        assertTrue(files.entered.await(TIMEOUT_S, TimeUnit.SECONDS), "the writer took the first journal");
        for (int i = 0; i < 20; i++) {
            storage.appendHistory(line(i));
            storage.journal(snapshot(2 + i, true));
        }
        files.release();
        assertTrue(storage.close(TimeUnit.SECONDS.toNanos(TIMEOUT_S)), "flushed in time");

        List<HistoryRecord> lines = history();
        assertEquals(20, lines.size(), "every history line, none lost");
        for (int i = 0; i < 20; i++) {
            assertEquals(i, lines.get(i).invertedS(), "in order");
        }
        assertEquals(21.0, journaled().invertedS(), "the latest journal is the one on disk");
        assertTrue(files.journalCommits.get() <= 3, "20 journals queued behind a blocked write collapse to the "
                + "latest: " + files.journalCommits.get() + " written");
    }

    @Test
    void theHistoryLineIsOnDiskBeforeTheJournalThatEndsItsSession() throws InterruptedException {
        List<Integer> linesAtEachCommit = new ArrayList<>();
        files.onCommit = () -> linesAtEachCommit.add(history().size());
        AsyncSessionStorage storage = storage(new SystemClock());
        storage.start();
        files.blockNextJournal();
        storage.journal(snapshot(5, true));
        assertTrue(files.entered.await(TIMEOUT_S, TimeUnit.SECONDS));
        // What the keeper hands over when a session ends: the line, then the journal that ends it.
        storage.appendHistory(line(0));
        storage.journal(snapshot(6, false));
        files.release();
        assertTrue(storage.close(TimeUnit.SECONDS.toNanos(TIMEOUT_S)));
        assertEquals(List.of(0, 1), linesAtEachCommit, "a power cut between the two repeats a line, never loses one");
        assertEquals(false, journaled().active());
    }

    @Test
    void aWriterMoreThanOneSecondBehindIsReportedOncePerEpisode() throws InterruptedException {
        ManualClock clock = new ManualClock(0); // read by this thread only: it stamps and it checks
        AsyncSessionStorage storage = storage(clock);
        storage.start();
        files.blockNextJournal();
        storage.journal(snapshot(1, true));
        assertTrue(files.entered.await(TIMEOUT_S, TimeUnit.SECONDS));

        storage.checkBehind(900_000_000L);
        assertNull(storage.pollEvent(), "0.9 s behind is not yet reported");
        storage.checkBehind(1_100_000_000L);
        assertEquals(TableEvent.WRITER_BEHIND, storage.pollEvent());
        assertNull(storage.pollEvent(), "shown in one row");
        storage.checkBehind(5_000_000_000L);
        assertNull(storage.pollEvent(), "once per episode");

        files.release();
        assertTrue(storage.close(TimeUnit.SECONDS.toNanos(TIMEOUT_S)));
        storage.checkBehind(6_000_000_000L);
        assertNull(storage.pollEvent(), "caught up");
    }

    @Test
    void aJournalTheWriterCannotWriteShowsAsJournalErrorOnALaterTick() {
        files.failing = true;
        AsyncSessionStorage storage = storage(new SystemClock());
        storage.start();
        storage.journal(snapshot(1, true));
        assertTrue(storage.close(TimeUnit.SECONDS.toNanos(TIMEOUT_S)));
        assertEquals(TableEvent.JOURNAL_ERROR, storage.pollEvent());
        assertNull(storage.pollEvent(), "once");
        assertEquals(List.of(), failures.list(), "a full disk is the journal's trouble, not a failed thread");
    }

    @Test
    void aFailingRecorderSinkIsReportedAndTheJournalGoesOn() {
        AtomicInteger rowsSeen = new AtomicInteger();
        AsyncSessionStorage storage = new AsyncSessionStorage(new SystemClock(), row -> {
            rowsSeen.incrementAndGet();
            throw new IllegalStateException("the recorder's disk is gone");
        }, failures);
        storage.of(new SessionWriter(new SessionJournal(dir, files), Optional.empty(), Optional.empty()));
        storage.start();
        TraceRow row = new TraceRow(0, "IDLE", 0, 0, 0, false, 0, false, true, null, null, true, 70, 900, null);
        for (int i = 0; i < 10; i++) {
            storage.offerRow(row);
        }
        storage.journal(snapshot(3, true));
        assertTrue(storage.close(TimeUnit.SECONDS.toNanos(TIMEOUT_S)));
        assertEquals(1, rowsSeen.get(), "a failed sink gets no more rows");
        assertEquals(1, failures.list().size());
        assertEquals("the flight recorder", failures.list().get(0).what());
        assertEquals(10, storage.droppedRows(), "the row it failed on and every later one");
        assertEquals(3.0, journaled().invertedS(), "the journal is still written");
    }
}
