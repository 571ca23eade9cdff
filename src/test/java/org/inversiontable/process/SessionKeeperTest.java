package org.inversiontable.process;

import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.session.DurableFileSystem;
import org.inversiontable.session.EndedBy;
import org.inversiontable.session.HistoryRecord;
import org.inversiontable.session.JournalState;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.session.SessionHistory;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.session.SessionSnapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inversiontable.control.TableState;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.MotorCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeeperTest {
    private static final long TICK_NANOS = 10_000_000L;
    private static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    @TempDir
    Path dir;

    /** Wall clock that follows the ticks' time, as the simulation's does. */
    private final TickClock wall = new TickClock();
    private final FlakyFileSystem files = new FlakyFileSystem();
    private long now;

    private Path historyFile() {
        return dir.resolve("history.jsonl");
    }

    private SessionKeeper keeper() {
        return new SessionKeeper(new SessionJournal(dir, files), Optional.of(new SessionHistory(historyFile())), wall);
    }

    private static TickRecord record(long tNanos, TableState state, double angleDeg, double invertedS, FaultCode fault,
            TableEvent event) {
        return new TickRecord(tNanos, state, angleDeg, MotorCommand.OFF, invertedS, false, false, fault, event, true, 70.0, 900.0);
    }

    /** Ticks for {@code seconds}; returns the events the keeper gave. */
    private List<TableEvent> run(SessionKeeper keeper, double seconds, boolean active, double angleDeg, double invertedStart,
            double invertedRate, TableState state) {
        List<TableEvent> events = new ArrayList<>();
        long end = now + Math.round(seconds * 1e9);
        double inverted = invertedStart;
        for (; now < end; now += TICK_NANOS) {
            wall.nanos = now;
            inverted += invertedRate * TICK_NANOS / 1e9;
            TableEvent e = keeper.onTick(record(now, state, angleDeg, inverted, null, null), active ? inverted : 0.0,
                    active);
            if (e != null) {
                events.add(e);
            }
        }
        return events;
    }

    private SessionSnapshot journaled() {
        return assertInstanceOf(JournalState.Loaded.class, new SessionJournal(dir).load()).snapshot();
    }

    @Test
    void theJournalNeverLagsMoreThanOneSecondBehindARunningSession() {
        SessionKeeper keeper = keeper();
        keeper.restore();
        double inverted = 0;
        double worstLagS = 0;
        for (int i = 0; i < 1000; i++, now += TICK_NANOS) {
            inverted += 0.01;
            wall.nanos = now;
            keeper.onTick(record(now, TableState.HOLDING, 20.0, inverted, null, null), inverted, true);
            worstLagS = Math.max(worstLagS, inverted - journaled().invertedS());
        }
        assertTrue(worstLagS <= 1.0, "the journal lagged " + worstLagS + " s behind the count");
        assertTrue(files.moves <= 11, files.moves + " journal writes in 10 s: about one a second is enough");
    }

    @Test
    void nothingIsWrittenOutsideASession() {
        SessionKeeper keeper = keeper();
        keeper.restore();
        run(keeper, 30, false, -65, 0, 0, TableState.IDLE);
        assertEquals(0, files.writes, "journal writes at rest at home without a session");
    }

    @Test
    void aSessionIsJournaledWhenItStartsAndWhenItEnds() {
        SessionKeeper keeper = keeper();
        keeper.restore();
        run(keeper, 0.01, true, -60, 0, 0, TableState.MOVING);
        assertEquals(1, files.moves, "a session's start is journaled at once");
        assertTrue(journaled().active());
        run(keeper, 0.5, true, 10, 0, 1, TableState.MOVING);
        run(keeper, 0.01, false, -65, 0, 0, TableState.IDLE);
        SessionSnapshot end = journaled();
        assertFalse(end.active(), "the end of the session is journaled: " + end);
        assertTrue(end.invertedS() > 0.4, "the last journal keeps the session's inverted time: " + end);
    }

    @Test
    void aJournaledSessionIsRestoredAndEndsAsAPowerLoss() throws IOException {
        new SessionJournal(dir).save(new SessionSnapshot(7, EPOCH.toEpochMilli(), 42.5, 30.2, true));
        SessionKeeper keeper = keeper();
        SessionKeeper.Restore restore = keeper.restore();
        assertEquals(new SessionKeeper.Restore(42.5, true, false, null), restore);
        now = 200_000_000_000L;
        run(keeper, 2, true, -65, 42.5, 0, TableState.IDLE);
        run(keeper, 0.01, false, -65, 0, 0, TableState.IDLE);
        List<HistoryRecord> lines = new SessionHistory(historyFile()).read().records();
        // A power loss says nothing about how the session went for the user (SPEC §13).
        assertEquals(List.of(new HistoryRecord(EPOCH, EPOCH.plusSeconds(202), 30.2, 42.5, EndedBy.POWER_LOSS, 7, null,
                -1, org.inversiontable.progression.SessionComfort.NOT_COUNTED)), lines);
    }

    @Test
    void aSessionInWhichTheReturnRanIsJournaledSoAndRestoredSpent() throws IOException {
        SessionKeeper keeper = keeper();
        keeper.restore();
        run(keeper, 0.5, true, 10, 0, 1, TableState.MOVING);
        assertFalse(journaled().returnRan());
        now += TICK_NANOS;
        keeper.onTick(record(now, TableState.RETURNING, 10, 0.6, null, TableEvent.AUTO_RETURN), 0.6, true);
        run(keeper, 1.1, true, 5, 0.6, 1, TableState.RETURNING);
        assertTrue(journaled().returnRan(), "the spent budget is not journaled: " + journaled());
        SessionKeeper.Restore restore = keeper().restore();
        assertTrue(restore.returnRan() && restore.active() && !restore.noJournal(), restore.toString());
    }

    @Test
    void noJournalAtAllIsAnUnknownPast() {
        SessionKeeper.Restore restore = keeper().restore();
        assertTrue(restore.noJournal());
        assertFalse(restore.returnRan() || restore.active() || restore.budgetSpent());
    }

    @Test
    void anEndedSessionInTheJournalGivesAFreshBudget() throws IOException {
        new SessionJournal(dir).save(new SessionSnapshot(7, EPOCH.toEpochMilli(), 42.5, 30.2, false));
        assertEquals(new SessionKeeper.Restore(0.0, false, false, null), keeper().restore());
    }

    @Test
    void aCorruptJournalCountsTheBudgetAsSpentAndIsReportedOnceInARowWithoutAnEvent() throws IOException {
        Files.writeString(dir.resolve(SessionJournal.FILE_NAME), "inversion-table session journal v1\nsess\u0000\n");
        SessionKeeper keeper = keeper();
        SessionKeeper.Restore restore = keeper.restore();
        assertTrue(restore.budgetSpent() && restore.active(), "a corrupt journal must count as spent: " + restore);
        // The first row carries the supervisor's own event: that one is never hidden.
        assertNull(keeper.onTick(record(0, TableState.BOOT, 10, 180, null, TableEvent.WARNING), 180, true));
        assertEquals(TableEvent.JOURNAL_CORRUPT,
                keeper.onTick(record(TICK_NANOS, TableState.IDLE, 10, 180, null, null), 180, true));
        now = 2 * TICK_NANOS;
        assertEquals(List.of(), run(keeper, 5, true, 10, 180, 0, TableState.IDLE), "reported once");
        assertEquals(180.0, journaled().invertedS(), "the corrupt journal is replaced by a whole one");
    }

    @Test
    void aJournalThatCannotBeWrittenIsReportedOnceAndThePreviousOneStays() throws IOException {
        SessionKeeper keeper = keeper();
        keeper.restore();
        run(keeper, 2, true, 20, 0, 1, TableState.HOLDING);
        byte[] before = Files.readAllBytes(dir.resolve(SessionJournal.FILE_NAME));
        files.failing = true;
        List<TableEvent> events = run(keeper, 10, true, 20, 2, 1, TableState.HOLDING);
        assertEquals(List.of(TableEvent.JOURNAL_ERROR), events, "one report for a disk that stays full");
        assertArrayEquals(before, Files.readAllBytes(dir.resolve(SessionJournal.FILE_NAME)),
                "the previous journal must be left whole");
        files.failing = false;
        run(keeper, 1.5, true, 20, 12, 1, TableState.HOLDING);
        assertTrue(journaled().invertedS() > 12, "journaled again once the disk works: " + journaled());
        files.failing = true;
        assertEquals(List.of(TableEvent.JOURNAL_ERROR), run(keeper, 3, true, 20, 14, 1, TableState.HOLDING),
                "a new failure after a recovery is reported again");
    }

    @Test
    void aHistoryLineThatCannotBeWrittenIsKeptAndWrittenWithTheNextSession() throws IOException {
        Files.writeString(dir.resolve("blocker"), "a file where the history's directory should be");
        Path history = dir.resolve("blocker").resolve("history.jsonl");
        SessionKeeper keeper = new SessionKeeper(new SessionJournal(dir, files),
                Optional.of(new SessionHistory(history)), wall);
        keeper.restore();
        run(keeper, 2, true, 20, 0, 1, TableState.HOLDING);
        List<TableEvent> events = run(keeper, 0.02, false, -65, 0, 0, TableState.IDLE);
        assertEquals(List.of(TableEvent.JOURNAL_ERROR), events);
        Files.delete(dir.resolve("blocker"));
        run(keeper, 2, true, 20, 0, 1, TableState.HOLDING);
        run(keeper, 0.02, false, -65, 0, 0, TableState.IDLE);
        assertEquals(2, new SessionHistory(history).read().records().size(), "both sessions end up in the history");
    }

    @Test
    void aSessionEndsByItsMostTellingEvent() throws IOException {
        assertEquals(EndedBy.USER, endedBy(record(0, TableState.MOVING, 20, 1, FaultCode.BUTTON_STUCK, TableEvent.BUTTON_STUCK)));
        assertEquals(EndedBy.FAULT, endedBy(record(0, TableState.FAULT, 20, 1, FaultCode.IMU_STALE, TableEvent.FAULT)));
        assertEquals(EndedBy.FAULT, endedBy(record(0, TableState.RETURNING, 20, 1, FaultCode.MOTION_STALL, null)));
        assertEquals(EndedBy.ESTOP, endedBy(record(0, TableState.FAULT, 20, 1, FaultCode.IMU_STALE, null),
                record(0, TableState.ESTOP, 20, 1, null, TableEvent.ESTOP)));
        assertEquals(EndedBy.AUTO_RETURN, endedBy(record(0, TableState.ESTOP, 20, 1, null, TableEvent.ESTOP),
                record(0, TableState.RETURNING, 20, 1, null, TableEvent.AUTO_RETURN)));
    }

    private EndedBy endedBy(TickRecord... during) throws IOException {
        Files.deleteIfExists(historyFile());
        SessionKeeper keeper = keeper();
        keeper.restore();
        run(keeper, 1, true, 20, 0, 1, TableState.HOLDING);
        for (TickRecord r : during) {
            now += TICK_NANOS;
            keeper.onTick(record(now, r.state(), r.angleMeasDeg(), 1, r.fault(), r.event()), 1, true);
        }
        run(keeper, 0.01, false, -65, 0, 0, TableState.IDLE);
        List<HistoryRecord> lines = new SessionHistory(historyFile()).read().records();
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0).endedBy();
    }

    /** The real file system, with a full disk that can be switched on and off; counts the writes. */
    private static final class FlakyFileSystem implements DurableFileSystem {
        private final NioDurableFileSystem real = new NioDurableFileSystem();
        boolean failing;
        int writes;
        int moves;

        @Override
        public void createDirectories(Path d) throws IOException {
            real.createDirectories(d);
        }

        @Override
        public void write(Path file, byte[] content) throws IOException {
            writes++;
            if (failing) {
                throw new java.nio.file.FileSystemException(file.toString(), null, "No space left on device");
            }
            real.write(file, content);
        }

        @Override
        public void force(Path file) throws IOException {
            real.force(file);
        }

        @Override
        public void atomicMove(Path source, Path target) throws IOException {
            moves++;
            real.atomicMove(source, target);
        }

        @Override
        public void forceDirectory(Path d) throws IOException {
            real.forceDirectory(d);
        }

        @Override
        public Optional<byte[]> read(Path file, int maxBytes) throws IOException {
            return real.read(file, maxBytes);
        }

        @Override
        public void deleteIfExists(Path file) throws IOException {
            real.deleteIfExists(file);
        }
    }

    private static final class TickClock extends Clock {
        long nanos;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return EPOCH.plusNanos(nanos);
        }
    }
}
