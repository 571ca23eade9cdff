package org.inversiontable.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The crash-safe session journal of SPEC §7: the last saved {@link SessionSnapshot} survives a
 * crash or a power cut at any moment, and a reader sees either the previous state or the new
 * one, never a mix. Saved at least once a second by the controller:
 *
 * <pre>{@code
 * SessionJournal journal = new SessionJournal(Path.of("/var/lib/inversion-table"));
 * JournalState state = journal.load();      // at boot: Empty, Loaded or Corrupt (= budget spent)
 * journal.save(new SessionSnapshot(id, startMs, invertedS, maxAngleDeg, true));
 * }</pre>
 *
 * <p>A save writes a temporary file in the same directory, fsyncs it, renames it atomically over
 * {@value #FILE_NAME} and fsyncs the directory. The fsync before the rename matters: without it
 * a power cut can persist the rename but not the data, leaving an empty journal.
 * Not for concurrent writers: one controller owns a journal directory.
 */
public final class SessionJournal {
    public static final String FILE_NAME = "session.journal";
    static final String TEMP_NAME = FILE_NAME + ".tmp";
    /** A real journal is about 150 bytes; anything far larger is not one of ours. */
    static final int MAX_BYTES = 4096;

    private final Path dir;
    private final Path file;
    private final Path temp;
    private final DurableFileSystem fs;

    public SessionJournal(Path dir) {
        this(dir, new NioDurableFileSystem());
    }

    public SessionJournal(Path dir, DurableFileSystem fs) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.fs = Objects.requireNonNull(fs, "fs");
        this.file = dir.resolve(FILE_NAME);
        this.temp = dir.resolve(TEMP_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * Replaces the journal with {@code snapshot}, durably.
     *
     * @throws JournalWriteException when it cannot (full disk, read-only directory, ...); the
     *                               previous journal is then left as it was, except when only
     *                               the final directory fsync failed (the new state is in place
     *                               but may not survive a power cut)
     */
    public void save(SessionSnapshot snapshot) throws JournalWriteException {
        byte[] bytes = JournalCodec.encode(snapshot);
        try {
            fs.createDirectories(dir);
            fs.write(temp, bytes);
            fs.force(temp);
            fs.atomicMove(temp, file);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new JournalWriteException(file, IoReasons.of(e), e);
        }
        try {
            fs.forceDirectory(dir);
        } catch (IOException e) {
            throw new JournalWriteException(file, "saved, but the directory could not be synced ("
                    + IoReasons.of(e) + "), so it may not survive a power cut", e);
        }
    }

    /**
     * The last state saved completely. Never throws: an unreadable journal is {@link
     * JournalState.Corrupt}. A leftover temporary file (a save cut short) is ignored, since the
     * journal it was to replace is still whole, and removed.
     */
    public JournalState load() {
        deleteQuietly(temp);
        Optional<byte[]> bytes;
        try {
            bytes = fs.read(file, MAX_BYTES);
        } catch (IOException e) {
            return new JournalState.Corrupt(file + ": cannot read: " + IoReasons.of(e));
        }
        if (bytes.isEmpty()) {
            return new JournalState.Empty();
        }
        if (bytes.get().length > MAX_BYTES) {
            return new JournalState.Corrupt(file + ": larger than " + MAX_BYTES + " bytes, not a session journal");
        }
        JournalState state = JournalCodec.decode(bytes.get());
        return state instanceof JournalState.Corrupt c ? new JournalState.Corrupt(file + ": " + c.reason()) : state;
    }

    // Cleanup only: a temp file that cannot be removed (read-only directory) does no harm,
    // because load() never reads it.
    private void deleteQuietly(Path path) {
        try {
            fs.deleteIfExists(path);
        } catch (IOException e) {
            // nothing to do: see above
        }
    }
}
