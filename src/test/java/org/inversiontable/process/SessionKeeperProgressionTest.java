package org.inversiontable.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inversiontable.config.Config;
import org.inversiontable.config.ProfileKey;
import org.inversiontable.config.ProfileSpec;
import org.inversiontable.control.TableState;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.progression.ProgressionState;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.session.JournalState;
import org.inversiontable.session.SessionHistory;
import org.inversiontable.session.SessionJournal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §13's dates: a session's date is its local start date on the wall clock, in the system's
 * zone; on a wall clock not synchronised since boot it is the last session's date.
 */
class SessionKeeperProgressionTest {
    private static final long TICK = 10_000_000L;

    @TempDir
    Path dir;

    private long now;
    private final MutableWallClock wall = new MutableWallClock();
    private boolean synchronised = true;

    private SessionKeeper keeper() {
        Config config = Config.defaults().withProfiles(List.of(new ProfileSpec("anna", Map.of(ProfileKey.PROGRESSION, "on"))));
        SessionJournal journal = new SessionJournal(dir);
        return new SessionKeeper(journal, new SyncSessionStorage(new SessionWriter(journal,
                Optional.of(new SessionHistory(dir.resolve("history.jsonl"))), Optional.empty())), wall,
                new ProfileRoster(config), () -> synchronised);
    }

    /** A session that the automatic return ends: comfortable. */
    private void comfortableSession(SessionKeeper keeper) {
        for (int i = 0; i < 300; i++, now += TICK) {
            TableEvent event = i == 100 ? TableEvent.AUTO_RETURN : null;
            keeper.onTick(new TickRecord(now, TableState.HOLDING, 20.0, MotorCommand.OFF, i * 0.01, false, false, null,
                    event, true, 20.0, 120.0), i * 0.01, true);
        }
        keeper.onTick(new TickRecord(now, TableState.IDLE, -65.0, MotorCommand.OFF, 0, false, true, null, null, true,
                20.0, 120.0), 0.0, false);
        now += TICK;
    }

    private ProgressionState journaledProgress() {
        return assertInstanceOf(JournalState.Loaded.class, new SessionJournal(dir).load()).snapshot().profiles()
                .progressOf("anna");
    }

    @Test
    void anUnsynchronisedClockDatesASessionAsTheLastOne() {
        SessionKeeper keeper = keeper();
        keeper.restore();
        wall.at = Instant.parse("2026-01-05T08:00:00Z");
        comfortableSession(keeper);
        assertEquals(new ProgressionState(0, List.of(LocalDate.of(2026, 1, 5)), 0), journaledProgress());
        // After a reboot without network time the clock says a day long past (or the next morning):
        synchronised = false;
        wall.at = Instant.parse("2026-01-06T08:00:00Z");
        comfortableSession(keeper);
        assertEquals(new ProgressionState(0, List.of(LocalDate.of(2026, 1, 5)), 0), journaledProgress(),
                "a clock that may be wrong must not add a date");
        synchronised = true;
        comfortableSession(keeper);
        assertEquals(new ProgressionState(0, List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6)), 0),
                journaledProgress());
    }

    @Test
    void theDateIsTheLocalDateInTheSystemsZone() {
        wall.zone = ZoneId.of("America/New_York");
        SessionKeeper keeper = keeper();
        keeper.restore();
        wall.at = Instant.parse("2026-01-06T03:00:00Z");   // 22:00 on the 5th in New York
        comfortableSession(keeper);
        assertEquals(List.of(LocalDate.of(2026, 1, 5)), journaledProgress().comfortableDates());
    }

    /** A wall clock the test sets. */
    private static final class MutableWallClock extends java.time.Clock {
        Instant at = Instant.EPOCH;
        ZoneId zone = ZoneOffset.UTC;

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public java.time.Clock withZone(ZoneId newZone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return at;
        }
    }
}
