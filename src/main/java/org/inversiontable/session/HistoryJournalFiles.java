package org.inversiontable.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The journal's files as {@code history} may touch them: read only. {@link SessionJournal#load()}
 * removes a leftover temporary file, which is right for the controller that owns the journal but
 * wrong for a report run beside a live table: that file may be a save in progress, and deleting
 * it would make the controller's rename fail. So removal does nothing here and every write
 * refuses. A read that fails is kept, so that the caller can tell "cannot read the file" (bad
 * input, exit 2) from "the content cannot be trusted" (reported, the history still shown).
 */
final class HistoryJournalFiles implements DurableFileSystem {
    private final DurableFileSystem real;
    private IOException readFailure;

    HistoryJournalFiles(DurableFileSystem real) {
        this.real = real;
    }

    /** The failure of the last read, if it failed. */
    Optional<IOException> readFailure() {
        return Optional.ofNullable(readFailure);
    }

    @Override
    public Optional<byte[]> read(Path file, int maxBytes) throws IOException {
        try {
            return real.read(file, maxBytes);
        } catch (IOException e) {
            readFailure = e;
            throw e;
        }
    }

    @Override
    public void deleteIfExists(Path file) {
        // left alone on purpose: see the class comment
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        throw refused();
    }

    @Override
    public void write(Path file, byte[] content) throws IOException {
        throw refused();
    }

    @Override
    public void force(Path file) throws IOException {
        throw refused();
    }

    @Override
    public void atomicMove(Path source, Path target) throws IOException {
        throw refused();
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
        throw refused();
    }

    private static IOException refused() {
        return new IOException("history reads the journal, it never writes it");
    }
}
