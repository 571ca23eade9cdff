package org.inversiontable.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.zip.CRC32;
import org.tinylog.Logger;

/**
 * The preset angle the user stored with a 3 s PRESET hold, kept across restarts beside the
 * session journal, written the same crash-safe way (temp file, fsync, atomic rename, fsync of
 * the directory) with a CRC. A missing, torn or corrupt file means "no stored preset": the
 * configured {@code preset_deg} applies, which is always a safe angle to go to (it is clamped to
 * the limits when used).
 *
 * <pre>{@code
 * PresetStore presets = new PresetStore(journalDir, new NioDurableFileSystem());
 * presets.load().ifPresent(controller::restorePreset);
 * presets.save(21.5);   // false when the disk refused; the preset still holds until a restart
 * }</pre>
 */
public final class PresetStore {
    public static final String FILE_NAME = "preset";
    private static final int MAX_BYTES = 256;

    private final Path dir;
    private final Path file;
    private final Path temp;
    private final DurableFileSystem fs;

    public PresetStore(Path dir, DurableFileSystem fs) {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
        this.temp = dir.resolve(FILE_NAME + ".tmp");
        this.fs = fs;
    }

    public OptionalDouble load() {
        Optional<byte[]> bytes;
        try {
            bytes = fs.read(file, MAX_BYTES);
        } catch (IOException e) {
            Logger.warn("stored preset {} unreadable ({}); using preset_deg", file, IoReasons.of(e));
            return OptionalDouble.empty();
        }
        if (bytes.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble preset = decode(new String(bytes.get(), StandardCharsets.UTF_8));
        if (preset.isEmpty()) {
            Logger.warn("stored preset {} is torn or corrupt; using preset_deg", file);
        }
        return preset;
    }

    /** Stores the preset durably; false (and logged) when the disk refuses. */
    public boolean save(double presetDeg) {
        try {
            fs.createDirectories(dir);
            fs.write(temp, encode(presetDeg).getBytes(StandardCharsets.UTF_8));
            fs.force(temp);
            fs.atomicMove(temp, file);
            fs.forceDirectory(dir);
            return true;
        } catch (IOException e) {
            Logger.warn("could not store the preset in {} ({}); it holds until the next restart", file,
                    IoReasons.of(e));
            try {
                fs.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The leftover temp file is ignored and replaced by the next save.
            }
            return false;
        }
    }

    static String encode(double presetDeg) {
        String body = String.format(Locale.ROOT, "preset_deg=%.3f", presetDeg);
        return body + "\ncrc32=" + Long.toHexString(crc(body)) + "\n";
    }

    static OptionalDouble decode(String text) {
        String[] lines = text.split("\n");
        if (lines.length != 2 || !lines[0].startsWith("preset_deg=") || !lines[1].startsWith("crc32=")) {
            return OptionalDouble.empty();
        }
        if (!lines[1].substring("crc32=".length()).equals(Long.toHexString(crc(lines[0])))) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(lines[0].substring("preset_deg=".length()));
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static long crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
