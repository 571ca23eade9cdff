package org.inversiontable.sim;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import org.inversiontable.session.DurableFileSystem;
import org.inversiontable.session.NioDurableFileSystem;

/** The real file system, except that nothing can be written: a full disk or a read-only directory. */
final class BrokenDisk implements DurableFileSystem {
    enum Kind { FULL, READ_ONLY }

    private final NioDurableFileSystem real = new NioDurableFileSystem();
    private final Kind kind;
    int refusedWrites;

    BrokenDisk(Kind kind) {
        this.kind = kind;
    }

    private IOException refuse(Path file) {
        refusedWrites++;
        return kind == Kind.FULL ? new FileSystemException(file.toString(), null, "No space left on device")
                : new AccessDeniedException(file.toString(), null, "Read-only file system");
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        real.createDirectories(dir);
    }

    @Override
    public void write(Path file, byte[] content) throws IOException {
        throw refuse(file);
    }

    @Override
    public void force(Path file) throws IOException {
        throw refuse(file);
    }

    @Override
    public void atomicMove(Path source, Path target) throws IOException {
        throw refuse(target);
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
        real.forceDirectory(dir);
    }

    @Override
    public Optional<byte[]> read(Path file, int maxBytes) throws IOException {
        return real.read(file, maxBytes);
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        if (kind == Kind.READ_ONLY) {
            throw refuse(file);
        }
        real.deleteIfExists(file);
    }
}
