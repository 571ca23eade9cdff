package org.inversiontable.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The session history of SPEC §7: one JSON line per finished session, appended so that a crash
 * can at worst tear the line being written, never an earlier one. A torn or garbled line is
 * skipped with a warning when reading, never fatal.
 *
 * <pre>{@code
 * SessionHistory history = new SessionHistory(Path.of("/var/lib/inversion-table/history.jsonl"));
 * history.append(new HistoryRecord(start, end, 30.1, 175.0, EndedBy.USER));
 * HistoryReadResult result = history.read();
 * }</pre>
 */
public final class SessionHistory {
    private final Path file;

    public SessionHistory(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    /** Appends one record durably (fsync). */
    public void append(HistoryRecord record) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean created = !Files.exists(file);
        // A line torn by a crash has no line break: without one first, the new record would be
        // glued to the torn one and lost with it.
        String prefix = endsTorn() ? "\n" : "";
        byte[] bytes = (prefix + record.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        if (created) {
            NioDurableFileSystem.forceDirectoryIfSupported(dir);
        }
    }

    private boolean endsTorn() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) != '\n';
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Every whole record; a torn or unparsable line is skipped with a warning naming its line.
     * A file that does not exist reads as no records.
     *
     * @throws IOException when the file exists but cannot be read
     */
    public HistoryReadResult read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new HistoryReadResult(List.of(), List.of());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        List<HistoryRecord> records = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.length - 1;
            try {
                records.add(HistoryRecord.fromJson(line));
            } catch (IllegalArgumentException e) {
                warnings.add(file + ":" + (i + 1) + ": skipped "
                        + (last ? "a torn last line (no line break; a write cut short?)" : "a line that is not a session record")
                        + ": " + e.getMessage());
            }
        }
        return new HistoryReadResult(records, warnings);
    }
}
