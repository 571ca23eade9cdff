package org.inversiontable.recorder;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceWriter;
import org.tinylog.Logger;

/**
 * The flight recorder of SPEC §12: keeps the trace (SPEC §10) of the last sessions on disk within
 * a bounded total size, so that what happened on a table can be plotted and replayed on a desktop.
 *
 * <pre>{@code
 * FlightRecorder recorder = FlightRecorder.open(config, stateDir);   // at start
 * recorder.accept(row);                 // the writer thread, every row; never the control thread
 * recorder.flush();                     // the writer thread, when it has nothing else to do
 * recorder.problem().ifPresent(...);    // poll: recording stopped, and why
 * recorder.close();                     // at shutdown
 * }</pre>
 *
 * <p>A directory of ordinary trace files, {@code flight-000001.jsonl}, {@code flight-000002.jsonl},
 * ...: a new file at each process start (a row with boot fields), and when a file reaches a
 * quarter of the bound. Before each row the oldest files are deleted until the total, this row
 * included, fits under the bound, so the newest rows are always kept. A file that begins with a
 * process start replays on its own; a file cut at the size limit continues the one before it
 * (replay them concatenated). Files left by an earlier run count toward the bound, and the
 * numbering goes on after them. Rows are buffered and written at least once a second of trace
 * time, not fsync'd: a power cut loses at most the last second or so of the page cache, and an
 * SD card is not worn out by a hundred syncs a second.
 *
 * <p>Its I/O failures never reach the caller: the first one is logged, shown by
 * {@link #problem()}, and stops the recording (rather than retry into a disk that is failing or
 * full); so does a disk with less than {@link #MIN_FREE_BYTES} free besides the next file.
 * Thread-safe: the methods hold the recorder's lock, {@link #problem()} none.
 */
public final class FlightRecorder implements Consumer<TraceRow>, AutoCloseable {
    /** The directory's name under the program's state directory when {@code recorder_dir} is empty. */
    public static final String DEFAULT_DIR_NAME = "flight-recorder";
    /** Left free on the disk whatever the bound: the journal and the system need room too. */
    public static final long MIN_FREE_BYTES = 64L << 20;
    private static final Pattern FILE_NAME = Pattern.compile("flight-(\\d{6,18})\\.jsonl");
    private static final long FLUSH_PERIOD_NANOS = 1_000_000_000L;
    private static final int BUFFER_BYTES = 64 << 10;

    /** The free space of the recorder's disk (tests give a small or full disk). */
    @FunctionalInterface
    public interface UsableSpace {
        long bytes(Path dir) throws IOException;

        UsableSpace DISK = dir -> Files.getFileStore(dir).getUsableSpace();
    }

    private record Kept(Path file, long number, long bytes) {
    }

    private final Path dir;
    private final long maxTotalBytes;
    private final long maxFileBytes;
    private final UsableSpace space;
    /** Oldest first; the last one is the file being written, when there is one. */
    private final ArrayDeque<Kept> files = new ArrayDeque<>();
    private long totalBytes;
    private long nextNumber = 1;
    private OutputStream current;
    private long currentBytes;
    private long lastFlushNanos = Long.MIN_VALUE;
    private volatile String problem;

    /**
     * @param maxTotalBytes the most all the recorder's files may take together
     * @param maxFileBytes  where a file is cut; at most a quarter of the total, so that deleting the
     *                      older files always makes room
     */
    public FlightRecorder(Path dir, long maxTotalBytes, long maxFileBytes, UsableSpace space) {
        if (maxTotalBytes <= 0 || maxFileBytes <= 0 || maxFileBytes > maxTotalBytes / 4) {
            throw new IllegalArgumentException("need 0 < maxFileBytes <= maxTotalBytes / 4, got " + maxFileBytes
                    + " and " + maxTotalBytes);
        }
        this.dir = dir;
        this.maxTotalBytes = maxTotalBytes;
        this.maxFileBytes = maxFileBytes;
        this.space = space;
        try {
            Files.createDirectories(dir);
            for (Kept k : existing(dir)) {
                files.addLast(k);
                totalBytes += k.bytes();
                nextNumber = k.number() + 1;
            }
            // The bound may have been lowered since the last run.
            while (totalBytes > maxTotalBytes && !files.isEmpty()) {
                deleteOldest();
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            fail("cannot use the flight recorder directory " + dir, e);
        }
    }

    /**
     * The recorder the configuration asks for: {@code recorder_dir} (or {@value #DEFAULT_DIR_NAME}
     * under {@code stateDir}) within {@code recorder_max_mb}.
     */
    public static FlightRecorder open(Config config, Path stateDir) {
        long maxBytes = (long) config.integer(ConfigKey.RECORDER_MAX_MB) << 20;
        return new FlightRecorder(directory(config, stateDir), maxBytes, maxBytes / 4, UsableSpace.DISK);
    }

    /** Where the recorder of this configuration keeps its files. */
    public static Path directory(Config config, Path stateDir) {
        String configured = config.text(ConfigKey.RECORDER_DIR).trim();
        return configured.isEmpty() ? stateDir.resolve(DEFAULT_DIR_NAME) : Path.of(configured);
    }

    /** Records one row; does nothing once recording has stopped. Never throws for I/O. */
    @Override
    public synchronized void accept(TraceRow row) {
        if (problem != null) {
            return;
        }
        byte[] line = (TraceWriter.line(row) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            boolean processStart = row.boot() != null && currentBytes > 0;
            if (current == null || processStart || currentBytes + line.length > maxFileBytes) {
                startFile();
            }
            while (totalBytes + line.length > maxTotalBytes && files.size() > 1) {
                deleteOldest();
            }
            if (totalBytes + line.length > maxTotalBytes) {
                throw new IOException("a row of " + line.length + " bytes does not fit in " + maxTotalBytes + " bytes");
            }
            current.write(line);
            currentBytes += line.length;
            totalBytes += line.length;
            Kept last = files.removeLast();
            files.addLast(new Kept(last.file(), last.number(), currentBytes));
            long now = Math.round(row.tS() * 1e9);
            if (lastFlushNanos == Long.MIN_VALUE || now - lastFlushNanos >= FLUSH_PERIOD_NANOS || now < lastFlushNanos) {
                current.flush();
                lastFlushNanos = now;
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            fail("the flight recorder cannot write in " + dir, e);
        }
    }

    /** Hands the buffered rows to the operating system. Never throws for I/O. */
    public synchronized void flush() {
        if (problem != null || current == null) {
            return;
        }
        try {
            current.flush();
        } catch (IOException e) {
            fail("the flight recorder cannot write in " + dir, e);
        }
    }

    /** Flushes and closes the file being written; later rows are not recorded. Never throws for I/O. */
    @Override
    public synchronized void close() {
        closeCurrent();
        if (problem == null) {
            problem = "closed";
        }
    }

    /** Empty while recording; else why it stopped (an I/O failure, a full disk, or "closed"). */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The recorder's files, oldest first. */
    public synchronized List<Path> files() {
        return files.stream().map(Kept::file).toList();
    }

    /** What the recorder's files take together, as it counts them. */
    public synchronized long totalBytes() {
        return totalBytes;
    }

    public Path directory() {
        return dir;
    }

    private void startFile() throws IOException {
        closeCurrent();
        if (problem != null) {
            throw new IOException(problem);
        }
        long free = space.bytes(dir);
        if (free < MIN_FREE_BYTES + maxFileBytes) {
            throw new IOException(String.format(Locale.ROOT, "only %d MB are free on its disk and %d MB must stay"
                    + " free besides the next file of %d MB; free some space or lower recorder_max_mb",
                    free >> 20, MIN_FREE_BYTES >> 20, maxFileBytes >> 20));
        }
        long number = nextNumber++;
        Path file = dir.resolve(String.format(Locale.ROOT, "flight-%06d.jsonl", number));
        current = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), BUFFER_BYTES);
        currentBytes = 0;
        lastFlushNanos = Long.MIN_VALUE;
        files.addLast(new Kept(file, number, 0));
    }

    private void deleteOldest() throws IOException {
        Kept oldest = files.removeFirst();
        Files.deleteIfExists(oldest.file());
        totalBytes -= oldest.bytes();
    }

    private void closeCurrent() {
        if (current == null) {
            return;
        }
        OutputStream closing = current;
        current = null;
        try {
            closing.close();
        } catch (IOException e) {
            fail("the flight recorder cannot write in " + dir, e);
        }
    }

    private void fail(String what, Exception e) {
        if (problem != null) {
            return;
        }
        problem = what + ": " + reason(e) + "; recording stopped, the table goes on";
        Logger.error("{}", problem);
        OutputStream closing = current;
        current = null;
        if (closing != null) {
            try {
                closing.close();
            } catch (IOException ignored) {
                // Already failing: the first reason is the one reported.
            }
        }
    }

    private static List<Kept> existing(Path dir) throws IOException {
        List<Kept> found = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path p : listing.toList()) {
                Matcher m = FILE_NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    found.add(new Kept(p, Long.parseLong(m.group(1)), Files.size(p)));
                }
            }
        }
        found.sort(Comparator.comparingLong(Kept::number));
        return found;
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "no such directory (" + t.getMessage() + ")";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + t.getMessage() + ")";
        }
        if (t instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists (" + t.getMessage() + ")";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
