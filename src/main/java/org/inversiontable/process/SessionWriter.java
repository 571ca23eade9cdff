package org.inversiontable.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.inversiontable.session.HistoryRecord;
import org.inversiontable.session.IoReasons;
import org.inversiontable.session.JournalWriteException;
import org.inversiontable.session.PresetStore;
import org.inversiontable.session.SessionHistory;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.session.SessionSnapshot;
import org.tinylog.Logger;

/**
 * Does the session's writes (SPEC §7) and remembers what failed: the journal (skipped when the
 * snapshot equals the last one written), the history lines the disk has refused so far (kept, in
 * order, and tried again when a running session is next journaled), the preset. Its file trouble
 * is logged once per episode (until the journal is written again) and raised once for the trace
 * through {@link #takeErrorToShow()}.
 *
 * <pre>{@code
 * SessionWriter writes = new SessionWriter(new SessionJournal(dir, files), history, Optional.of(presets));
 * writes.appendHistory(line);        // the history first ...
 * writes.journal(endedSnapshot);     // ... then the journal that says the session ended
 * if (writes.takeErrorToShow()) { ... journal_error ... }
 * }</pre>
 *
 * <p>Thread confinement: every method but {@link #takeErrorToShow()} is called by one thread at a
 * time, the one that writes (the control thread under {@link SyncSessionStorage}, the writer
 * thread under the runtime's asynchronous storage); {@link #takeErrorToShow()} reads an {@link
 * AtomicBoolean} and may be called from any thread.
 */
public final class SessionWriter {
    private final SessionJournal journal;
    private final Optional<SessionHistory> history;
    private final Optional<PresetStore> presets;
    /** History lines not yet written (the disk refused them), oldest first. */
    private final List<HistoryRecord> unwritten = new ArrayList<>();
    private final AtomicBoolean errorToShow = new AtomicBoolean();
    private SessionSnapshot lastSaved;
    /** A write failed and was reported; cleared when the journal is written again. */
    private boolean writeErrorReported;

    /**
     * @param history where finished sessions go; empty: no history is kept
     * @param presets where a stored preset goes; empty: storing a preset is not kept over a restart
     */
    public SessionWriter(SessionJournal journal, Optional<SessionHistory> history, Optional<PresetStore> presets) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.history = Objects.requireNonNull(history, "history");
        this.presets = Objects.requireNonNull(presets, "presets");
    }

    /** Writes the journal, after any history line still owed when the session is running. */
    public void journal(SessionSnapshot snapshot) {
        if (snapshot.active() && !unwritten.isEmpty()) {
            flushHistory();
        }
        if (snapshot.equals(lastSaved)) {
            return;
        }
        try {
            journal.save(snapshot);
            lastSaved = snapshot;
            if (writeErrorReported) {
                writeErrorReported = false;
                Logger.info("The session journal is written again: {}", journal.file());
            }
        } catch (JournalWriteException e) {
            reportWriteError("{}; the table goes on and the count is kept in memory, but a restart now may "
                    + "lose inverted time", e.getMessage());
        }
    }

    /** Appends the line after every line still owed; a line the disk refuses is kept for later. */
    public void appendHistory(HistoryRecord line) {
        if (history.isEmpty()) {
            return;
        }
        unwritten.add(line);
        flushHistory();
    }

    /** Stores the preset; a refusal is logged by the store and the preset holds until a restart. */
    public void savePreset(double presetDeg) {
        presets.ifPresent(p -> p.save(presetDeg));
    }

    /** True once per write-error episode: the trace shows {@code journal_error}. Any thread. */
    public boolean takeErrorToShow() {
        return errorToShow.getAndSet(false);
    }

    private void flushHistory() {
        if (history.isEmpty()) {
            unwritten.clear();
            return;
        }
        while (!unwritten.isEmpty()) {
            try {
                history.get().append(unwritten.get(0));
                unwritten.remove(0);
            } catch (IOException e) {
                reportWriteError("Cannot append to the session history {} ({}); the line is kept and tried again "
                        + "with the next session", history.get().file(), IoReasons.of(e));
                return;
            }
        }
    }

    /** Logged and shown once until the journal is written again: a failing disk must not flood the log. */
    private void reportWriteError(String message, Object... args) {
        if (!writeErrorReported) {
            writeErrorReported = true;
            errorToShow.set(true);
            Logger.warn(message, args);
        }
    }
}
