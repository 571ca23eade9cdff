package org.inversiontable.hil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh directory for one controller's journal and history, deleted with what it holds. */
final class JournalDirectory implements AutoCloseable {
    private final Path path;

    JournalDirectory() {
        try {
            path = Files.createTempDirectory("hil-journal-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a journal directory for the table under test", e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A left-over temporary directory costs nothing; a test must not fail for it.
        }
    }
}
