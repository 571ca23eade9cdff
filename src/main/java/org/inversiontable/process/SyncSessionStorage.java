package org.inversiontable.process;

import java.util.Objects;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.session.HistoryRecord;
import org.inversiontable.session.SessionSnapshot;

/**
 * The {@link SessionStorage} that writes at once, on the caller's thread: what scenarios and
 * their tests use, where simulated time makes an fsync's duration irrelevant and every write's
 * result must be known before the next tick (a {@code journal_error} shows on the very tick that
 * met it).
 *
 * <p>Confined to the one thread that ticks, like the {@link SessionWriter} it drives.
 */
public final class SyncSessionStorage implements SessionStorage {
    private final SessionWriter writes;

    public SyncSessionStorage(SessionWriter writes) {
        this.writes = Objects.requireNonNull(writes, "writes");
    }

    @Override
    public void journal(SessionSnapshot snapshot) {
        writes.journal(snapshot);
    }

    @Override
    public void appendHistory(HistoryRecord line) {
        writes.appendHistory(line);
    }

    @Override
    public void savePreset(double presetDeg) {
        writes.savePreset(presetDeg);
    }

    @Override
    public TableEvent pollEvent() {
        return writes.takeErrorToShow() ? TableEvent.JOURNAL_ERROR : null;
    }
}
