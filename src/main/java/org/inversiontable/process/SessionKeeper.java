package org.inversiontable.process;

import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.session.EndedBy;
import org.inversiontable.session.HistoryRecord;
import org.inversiontable.session.JournalState;
import org.inversiontable.session.SessionHistory;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.session.SessionSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import org.inversiontable.control.TableState;
import org.inversiontable.control.TickRecord;
import org.tinylog.Logger;

/**
 * Carries the session over restarts and power cuts (SPEC §7): at boot it says what the journal
 * holds, and after every control tick it journals the session (at least once a second of
 * controller time while a session runs, and when one starts and ends) and appends a line to the
 * history when a session ends.
 *
 * <pre>{@code
 * SessionKeeper keeper = new SessionKeeper(journalDir, SessionFiles.historyFile(config), wallClock);
 * SessionKeeper.Restore r = keeper.restore();               // once, before the first tick
 * supervisor.restoreSession(r.budgetSpent() ? maxInvertedS : r.invertedS(), r.active());
 * // after every tick:
 * String event = keeper.onTick(record, supervisor.invertedS(), supervisor.sessionActive());
 * }</pre>
 *
 * <p>It decides what to write and when; a {@link SessionStorage} does the writing, at once
 * ({@link SyncSessionStorage}, scenarios) or on the runtime's writer thread (SPEC §12), so that
 * nothing here blocks or logs in a tick of the steady state. Its file problems never stop the
 * control loop: a journal that cannot be written leaves the previous one whole (the supervisor's
 * count in memory goes on), is logged and shows once in the trace as {@code journal_error}; a
 * history line that cannot be appended is kept and tried again. Control time comes from the tick;
 * the wall clock only stamps the history.
 *
 * <p>Confined to the control thread (after it has stopped, to the thread that joined it).
 */
public final class SessionKeeper {
    /** SPEC §7: a restart loses at most one second of the inverted-time count. */
    static final long SAVE_PERIOD_NANOS = 1_000_000_000L;

    /**
     * What the supervisor takes over at boot.
     *
     * @param invertedS   inverted seconds of the session in progress (0 when none)
     * @param active      a session was in progress
     * @param budgetSpent the journal could not be trusted: the whole budget counts as spent
     * @param problem     null, or why the journal could not be trusted
     * @param returnRan   the automatic return has run in the session: its budget stays spent (SPEC §3)
     * @param noJournal   there was no journal at all: what went before this start is unknown (SPEC §7)
     */
    public record Restore(double invertedS, boolean active, boolean budgetSpent, String problem, boolean returnRan,
                          boolean noJournal) {
        public Restore(double invertedS, boolean active, boolean budgetSpent, String problem) {
            this(invertedS, active, budgetSpent, problem, false, false);
        }
    }

    private final SessionJournal journal;
    private final SessionStorage storage;
    private final Clock wallClock;

    private boolean restored;
    /** Events waiting for a row that has none of its own: a safety event is never hidden. */
    private final ArrayDeque<TableEvent> pendingEvents = new ArrayDeque<>(2);

    private long sessionId;
    private boolean active;
    private Instant start;
    private double maxAngleDeg = Double.NEGATIVE_INFINITY;
    private double lastInvertedS;
    private boolean fromJournal;
    private boolean hadAutoReturn;
    private boolean hadEstop;
    private boolean hadFault;
    private long lastSaveNanos;
    private long lastTickNanos;

    /**
     * @param historyFile where finished sessions go; empty: no history is kept
     * @param wallClock   stamps the history; never used for control
     */
    public SessionKeeper(Path journalDir, Optional<Path> historyFile, Clock wallClock) {
        this(new SessionJournal(journalDir), historyFile.map(SessionHistory::new), wallClock);
    }

    /** Writes at once, on the ticking thread ({@link SyncSessionStorage}); no preset is kept. */
    public SessionKeeper(SessionJournal journal, Optional<SessionHistory> history, Clock wallClock) {
        this(journal, new SyncSessionStorage(new SessionWriter(journal, history, Optional.empty())), wallClock);
    }

    /**
     * @param journal read once, at {@link #restore()}
     * @param storage does every write the keeper decides on
     */
    public SessionKeeper(SessionJournal journal, SessionStorage storage, Clock wallClock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /** Reads the journal; call once, before the first tick. */
    public Restore restore() {
        if (restored) {
            throw new IllegalStateException("restore() is called once, at boot");
        }
        restored = true;
        JournalState state = journal.load();
        switch (state) {
            case JournalState.Empty e -> {
                return new Restore(0.0, false, false, null, false, true);
            }
            case JournalState.Loaded l -> {
                SessionSnapshot s = l.snapshot();
                sessionId = s.sessionId();
                if (!s.active()) {
                    return new Restore(0.0, false, false, null);
                }
                resume(Instant.ofEpochMilli(s.startEpochMillis()), s.maxAngleDeg(), s.invertedS());
                hadAutoReturn = s.returnRan();
                Logger.info("Session {} carried over a restart: {} s inverted so far", sessionId, s.invertedS());
                return new Restore(s.invertedS(), true, false, null, s.returnRan(), false);
            }
            case JournalState.Corrupt c -> {
                // Never grant fresh time to someone who may have hung inverted for the whole limit.
                Logger.warn("The session journal cannot be trusted ({}): the inverted-time budget counts as "
                        + "spent until the table has rested at home for a minute", c.reason());
                report(TableEvent.JOURNAL_CORRUPT);
                resume(wallClock.instant(), Double.NEGATIVE_INFINITY, 0.0);
                return new Restore(0.0, true, true, c.reason());
            }
        }
    }

    private void resume(Instant startedAt, double maxAngle, double invertedS) {
        active = true;
        fromJournal = true;
        start = startedAt;
        maxAngleDeg = maxAngle;
        lastInvertedS = invertedS;
        // Rewritten at the first save after boot (the writer has written nothing yet): a corrupt
        // journal is replaced by a whole one.
    }

    /**
     * Journals and records the session after a tick.
     *
     * @param invertedS     the supervisor's count after the tick
     * @param sessionActive the supervisor's session flag after the tick
     * @return an event to show in this tick's row (only when the row has none), or null
     */
    public TableEvent onTick(TickRecord record, double invertedS, boolean sessionActive) {
        long now = record.timeNanos();
        lastTickNanos = now;
        if (sessionActive) {
            boolean starting = !active;
            if (starting) {
                begin();
            }
            observe(record, invertedS);
            if (starting || now - lastSaveNanos >= SAVE_PERIOD_NANOS) {
                save(now, true);
            }
        } else if (active) {
            observe(record, lastInvertedS);
            end(now);
        }
        for (TableEvent e = storage.pollEvent(); e != null; e = storage.pollEvent()) {
            report(e);
        }
        return record.event() == null ? pendingEvents.poll() : null;
    }

    private void begin() {
        active = true;
        sessionId++;
        start = wallClock.instant();
        maxAngleDeg = Double.NEGATIVE_INFINITY;
        lastInvertedS = 0.0;
        fromJournal = false;
        hadAutoReturn = false;
        hadEstop = false;
        hadFault = false;
    }

    /** The preset the user stored (PRESET held 3 s), kept over restarts. */
    public void storePreset(double presetDeg) {
        storage.savePreset(presetDeg);
    }

    /**
     * Journals a running session as it stands after the last tick, whatever the time since the
     * last save: an orderly stop (SIGTERM) loses none of the count. Call only once the ticks have
     * stopped.
     */
    public void saveNow() {
        if (active) {
            save(lastTickNanos, true);
        }
    }

    private void observe(TickRecord r, double invertedS) {
        if (Double.isFinite(r.angleMeasDeg())) {
            maxAngleDeg = Math.max(maxAngleDeg, r.angleMeasDeg());
        }
        lastInvertedS = invertedS;
        hadAutoReturn |= r.event() == TableEvent.AUTO_RETURN;
        hadEstop |= r.state() == TableState.ESTOP;
        // A stuck button is a report, not a fault of the machine (SPEC §4).
        hadFault |= r.state() == TableState.FAULT || r.state() == TableState.LIMP_HOME
                || r.fault() != null && r.fault() != FaultCode.BUTTON_STUCK;
    }

    private void end(long now) {
        active = false;
        HistoryRecord line = new HistoryRecord(start, later(wallClock.instant(), start), finiteMax(),
                lastInvertedS, endedBy());
        // The history first: a power cut between the two then repeats a line (the journal still
        // says "active"), which is better than losing one. Every storage keeps this order.
        storage.appendHistory(line);
        save(now, false);
    }

    private EndedBy endedBy() {
        if (hadAutoReturn) {
            return EndedBy.AUTO_RETURN;
        }
        if (hadEstop) {
            return EndedBy.ESTOP;
        }
        if (hadFault) {
            return EndedBy.FAULT;
        }
        return fromJournal ? EndedBy.POWER_LOSS : EndedBy.USER;
    }

    private void save(long now, boolean sessionRunning) {
        lastSaveNanos = now;
        // A history line the disk refused is tried again by the storage with this journal.
        storage.journal(new SessionSnapshot(sessionId, Math.max(0L, start.toEpochMilli()), lastInvertedS,
                finiteMax(), sessionRunning, sessionRunning && hadAutoReturn));
    }

    private void report(TableEvent event) {
        if (!pendingEvents.contains(event)) {
            pendingEvents.add(event);
        }
    }

    private double finiteMax() {
        return Double.isFinite(maxAngleDeg) ? maxAngleDeg : 0.0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isBefore(b) ? b : a;
    }
}
