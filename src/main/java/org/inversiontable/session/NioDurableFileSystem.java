package org.inversiontable.session;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** {@link DurableFileSystem} on the real file system, with fsync through {@link FileChannel#force}. */
public final class NioDurableFileSystem implements DurableFileSystem {
    private static final String EINVAL_MESSAGE = "Invalid argument";

    /**
     * A journal save calls this every second for a directory that is almost always there:
     * {@link Files#createDirectories} first tries to create it and throws, and catches, a
     * {@code FileAlreadyExistsException} when it exists (issue 18 measured one a second). A look
     * first makes that a single stat; a directory removed since is still made again.
     */
    @Override
    public void createDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
    }

    @Override
    public void write(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
        }
    }

    @Override
    public void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    @Override
    public void atomicMove(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
        forceDirectoryIfSupported(dir);
    }

    /**
     * Fsyncs a directory so that a rename into it survives a power cut. Some file systems cannot
     * fsync a directory and say so with EINVAL; on Windows a directory cannot be opened as a
     * channel at all. Only those answers are ignored: any other failure means the rename may
     * not be durable, and the caller must hear about it.
     */
    static void forceDirectoryIfSupported(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            if (File.separatorChar == '\\') {
                return;
            }
            throw e;
        }
        try (ch) {
            ch.force(true);
        } catch (IOException e) {
            if (!EINVAL_MESSAGE.equals(e.getMessage())) {
                throw e;
            }
        }
    }

    @Override
    public Optional<byte[]> read(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(in.readNBytes(maxBytes + 1));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
