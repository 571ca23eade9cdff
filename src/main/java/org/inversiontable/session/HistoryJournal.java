package org.inversiontable.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.inversiontable.progression.ProfileBook;

/**
 * What the journal tells {@code history} about the profiles (SPEC §13): the profile in force and
 * each progression's state, or why it tells nothing. Read without writing anything (see {@link
 * HistoryJournalFiles}).
 *
 * <pre>{@code
 * HistoryJournal journal = HistoryJournal.read(Optional.of(Path.of("/var/lib/inversion-table")));
 * if (journal.status() == HistoryJournal.Status.OK) { ... journal.book() ... }
 * }</pre>
 *
 * @param status how the read went
 * @param detail where it was looked for (NONE), or why it cannot be trusted (UNREADABLE); "" when OK
 * @param book   the journaled book when OK, otherwise {@link ProfileBook#EMPTY}
 */
public record HistoryJournal(Status status, String detail, ProfileBook book) {
    public enum Status { OK, NONE, UNREADABLE }

    public HistoryJournal {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(book, "book");
    }

    static HistoryJournal none(String where) {
        return new HistoryJournal(Status.NONE, where, ProfileBook.EMPTY);
    }

    /**
     * @param dir the configured {@code journal_dir}; empty when none is configured
     * @throws IOException when the journal exists but the system will not let it be read (permission,
     *                     a directory in its place): bad input, like an unreadable history
     */
    public static HistoryJournal read(Optional<Path> dir) throws IOException {
        if (dir.isEmpty()) {
            return none("no journal_dir configured");
        }
        HistoryJournalFiles files = new HistoryJournalFiles(new NioDurableFileSystem());
        SessionJournal journal = new SessionJournal(dir.get(), files);
        JournalState state = journal.load();
        if (files.readFailure().isPresent()) {
            throw files.readFailure().get();
        }
        return switch (state) {
            case JournalState.Empty e -> none("no " + journal.file());
            case JournalState.Loaded l -> new HistoryJournal(Status.OK, "", l.snapshot().profiles());
            case JournalState.Corrupt c -> new HistoryJournal(Status.UNREADABLE, c.reason(), ProfileBook.EMPTY);
        };
    }

    /** As the JSON's {@code "journal"} spells it: ok, none, or "unreadable: REASON". */
    public String text() {
        return switch (status) {
            case OK -> "ok";
            case NONE -> "none";
            case UNREADABLE -> "unreadable: " + detail;
        };
    }
}
