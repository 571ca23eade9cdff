package org.inversiontable.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The few file operations a crash-safe replace needs, each one a separate step so that tests can
 * stop the sequence between any two of them (as a crash or power cut would) and check what
 * survives. {@link NioDurableFileSystem} is the real one.
 */
public interface DurableFileSystem {
    /** Creates the directory and its parents if missing. */
    void createDirectories(Path dir) throws IOException;

    /** Creates or truncates {@code file} and writes {@code content} to it (not yet durable). */
    void write(Path file, byte[] content) throws IOException;

    /** Makes the content of {@code file} durable (fsync). */
    void force(Path file) throws IOException;

    /** Renames {@code source} over {@code target} atomically, replacing it. */
    void atomicMove(Path source, Path target) throws IOException;

    /** Makes the directory's entries (a rename into it) durable (fsync of the directory). */
    void forceDirectory(Path dir) throws IOException;

    /**
     * The content of {@code file}, at most {@code maxBytes + 1} bytes (so that a caller can tell a
     * file that is too large), or empty when it does not exist.
     */
    Optional<byte[]> read(Path file, int maxBytes) throws IOException;

    void deleteIfExists(Path file) throws IOException;
}
