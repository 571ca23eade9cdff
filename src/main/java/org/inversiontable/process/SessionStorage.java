package org.inversiontable.process;

import org.inversiontable.safety.TableEvent;
import org.inversiontable.session.HistoryRecord;
import org.inversiontable.session.SessionSnapshot;

/**
 * Where the {@link SessionKeeper}'s decisions go to be written: the keeper decides what to write
 * and when (SPEC §7), a storage does the writing. {@link SyncSessionStorage} writes at once, on
 * the caller's thread (scenarios, tests: every result is known before the call returns); the
 * runtime's asynchronous storage hands every write to one writer thread, so that an fsync that
 * takes tens of milliseconds on an SD card never delays a control tick (SPEC §12).
 *
 * <p>Both keep the same promises, whatever thread writes:
 * <ul>
 *   <li>the journal's latest snapshot wins: one that is not yet written is replaced, not queued;</li>
 *   <li>history lines are written in order, none lost (one the disk refuses is kept and tried
 *       again when a running session is next journaled);</li>
 *   <li>a history line handed over before a journal snapshot is written before it, so that a
 *       power cut between the two repeats a line rather than losing one;</li>
 *   <li>write trouble comes back through {@link #pollEvent()} as {@code journal_error}, once per
 *       episode.</li>
 * </ul>
 *
 * <p>Called by one thread (the control thread); implementations say how they hand over.
 */
public interface SessionStorage {
    /** Replaces the journal with {@code snapshot}, durably (latest wins). */
    void journal(SessionSnapshot snapshot);

    /** Appends one finished session to the history, durably and in order. */
    void appendHistory(HistoryRecord line);

    /** Stores the preset angle the user set (latest wins); a refusal is logged, not an event. */
    void savePreset(double presetDeg);

    /**
     * An event about the storage itself for a later row ({@code journal_error}, {@code
     * writer_behind}), or null. Never blocks and allocates nothing: the control thread calls it
     * every tick.
     */
    TableEvent pollEvent();
}
