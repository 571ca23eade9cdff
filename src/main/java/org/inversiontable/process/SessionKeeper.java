package org.inversiontable.process;

import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.inversiontable.hardware.Button;
import org.inversiontable.progression.ComfortRule;
import org.inversiontable.progression.SessionComfort;

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
    private final ProfileRoster roster;
    /** SPEC §13: whether the wall clock has been synchronised since boot (a Pi has no real-time clock). */
    private final BooleanSupplier wallClockSynchronised;
    private boolean limitsChanged;

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
    /** The session's profile, level, inverted-time limit and date, for the progression (SPEC §13). */
    private String sessionProfile;
    private int sessionLevel = -1;
    private double sessionLimitInvertedS = Double.NaN;
    private LocalDate sessionDate;
    /** The inverted time when the user last started the way home in this session; NaN when not. */
    private double homewardStartInvertedS = Double.NaN;
    private int previousButtonsMask;
    /** When the last session ended on the control clock, in this process; MIN_VALUE when none did. */
    private long lastEndTickNanos = Long.MIN_VALUE;

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
        this(journal, storage, wallClock, ProfileRoster.none(), () -> true);
    }

    /**
     * @param roster                the configured profiles, whose state this keeper journals
     * @param wallClockSynchronised whether the wall clock can be trusted for a session's date
     */
    public SessionKeeper(SessionJournal journal, SessionStorage storage, Clock wallClock, ProfileRoster roster,
            BooleanSupplier wallClockSynchronised) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.roster = Objects.requireNonNull(roster, "roster");
        this.wallClockSynchronised = Objects.requireNonNull(wallClockSynchronised, "wallClockSynchronised");
    }

    /** The profiles, as the journal left them (after {@link #restore()}). */
    public ProfileRoster roster() {
        return roster;
    }

    /** Once true after a session moved the level or a profile was selected; reading it clears it. */
    public boolean takeLimitsChanged() {
        boolean changed = limitsChanged;
        limitsChanged = false;
        return changed;
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
                roster.restoreFresh();
                return new Restore(0.0, false, false, null, false, true);
            }
            case JournalState.Loaded l -> {
                SessionSnapshot s = l.snapshot();
                sessionId = s.sessionId();
                roster.restore(s.profiles());
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
                // The progression starts again at the first level: never more than the user has earned.
                roster.restoreFresh();
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
        beginProfile(startedAt);
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
        int mask = record.inputs() == null ? 0 : record.inputs().panel().buttonsMask();
        int pressEdges = mask & ~previousButtonsMask;
        previousButtonsMask = mask;
        if (sessionActive) {
            boolean starting = !active;
            if (starting) {
                begin();
            }
            observe(record, invertedS);
            observeWayHome(record, pressEdges, invertedS);
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
        homewardStartInvertedS = Double.NaN;
        beginProfile(start);
    }

    private void beginProfile(Instant startedAt) {
        sessionProfile = roster.inForce();
        sessionLevel = roster.level();
        sessionLimitInvertedS = Double.NaN;
        // SPEC §13: a wall clock not synchronised since boot counts as the date of the last session.
        LocalDate last = roster.book().lastSessionDate();
        sessionDate = !wallClockSynchronised.getAsBoolean() && last != null ? last
                : LocalDate.ofInstant(startedAt, wallClock.getZone());
    }

    /**
     * SPEC §13: the way home starts with HOME or UP (STOP then UP/HOME included) while inverted; a
     * later DOWN or PRESET goes back down, so the way home starts again at the next HOME or UP.
     */
    private void observeWayHome(TickRecord r, int pressEdges, double invertedS) {
        if ((pressEdges & (Button.DOWN.bit() | Button.PRESET.bit())) != 0) {
            homewardStartInvertedS = Double.NaN;
        } else if ((pressEdges & (Button.UP.bit() | Button.HOME.bit())) != 0 && r.angleMeasDeg() > 0.0
                && Double.isNaN(homewardStartInvertedS)) {
            homewardStartInvertedS = invertedS;
        }
    }

    /**
     * HOME held 3 s at home with no session open (SPEC §13): the next profile, journaled at once.
     *
     * @return its number, 1 for the first (the buzzer beeps it); 0 when no profile is configured
     */
    public int selectNextProfile() {
        if (active || !roster.hasProfiles()) {
            return 0;
        }
        int n = roster.selectNext();
        Logger.info("Profile {} ({}) selected", roster.inForce(), n);
        limitsChanged = true;
        save(lastTickNanos, false);
        return n;
    }

    /**
     * SPEC §13: a session may not start until this long after the last one ended. The rest counts
     * on the wall clock across restarts; within this process on the control clock, which no clock
     * adjustment moves.
     */
    public boolean restNotOver(long minRestMillis, long nowNanos) {
        if (minRestMillis <= 0 || active) {
            return false;
        }
        if (lastEndTickNanos != Long.MIN_VALUE) {
            return (nowNanos - lastEndTickNanos) / 1_000_000L < minRestMillis;
        }
        long lastEnd = roster.book().lastEndEpochMillis();
        return lastEnd > 0 && wallClock.millis() - lastEnd < minRestMillis;
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
        sessionLimitInvertedS = r.limitInvertedS();
        hadEstop |= r.state() == TableState.ESTOP;
        // A stuck button is a report, not a fault of the machine (SPEC §4).
        hadFault |= r.state() == TableState.FAULT || r.state() == TableState.LIMP_HOME
                || r.fault() != null && r.fault() != FaultCode.BUTTON_STUCK;
    }

    private void end(long now) {
        active = false;
        EndedBy endedBy = endedBy();
        Instant end = later(wallClock.instant(), start);
        // SPEC §13: only a session that inverted is classified; the others move nothing.
        SessionComfort comfort = lastInvertedS > 0.0
                // A session that a power cut interrupted says little about the user, whatever ended it.
                ? ComfortRule.classify(hadFault || fromJournal, hadEstop, hadAutoReturn,
                        homewardStartInvertedS, Double.isNaN(sessionLimitInvertedS) ? Double.POSITIVE_INFINITY
                                : sessionLimitInvertedS)
                : null;
        int levelBefore = roster.level();
        roster.sessionEnded(comfort, sessionDate, end.toEpochMilli());
        lastEndTickNanos = now;
        if (roster.level() != levelBefore) {
            Logger.info("Profile {}: level {} -> {} after a {} session", roster.inForce(), levelBefore, roster.level(),
                    comfort == null ? "" : comfort.text());
            limitsChanged = true;
            report(TableEvent.LEVEL_CHANGED);
        }
        HistoryRecord line = new HistoryRecord(start, end, finiteMax(), lastInvertedS, endedBy, sessionId,
                sessionProfile, sessionLevel, comfort);
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
        long startMillis = start == null ? 0L : Math.max(0L, start.toEpochMilli());
        storage.journal(new SessionSnapshot(sessionId, startMillis, lastInvertedS,
                finiteMax(), sessionRunning, sessionRunning && hadAutoReturn, roster.book()));
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
