package org.inversiontable.session;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.ImuCalibration.Axes;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.json.FlatJsonObject;

/**
 * The IMU calibration in the program's state directory ({@code /var/lib/inversion-table} on a Pi,
 * where the service may write; never the configuration file, which it cannot): one small JSON
 * object with a CRC, written as the journal is (temp file, fsync, atomic rename, fsync of the
 * directory), so a power cut leaves the old calibration or the new one, never half of each.
 *
 * <pre>{@code
 * CalibrationStore store = new CalibrationStore(stateDir, new NioDurableFileSystem());
 * CalibrationState state = store.loadFor(pins.imu());   // every start; throws on a bad file
 * Logger.info(state.describe());
 * ImuCalibration c = state.calibration();               // to the MPU-6050 driver; NONE when nothing is stored
 * store.save(new StoredCalibration(measured, now, pins.imu(), residualDeg));   // calibrate only
 * }</pre>
 *
 * <p>Strict on read: a missing file is "uncalibrated" with a note; a file that is torn, damaged,
 * edited, out of range or measured for another mounting is a {@link CalibrationFileException}
 * naming the file and the problem, and {@code run} refuses to start on it (exit 2): a calibration
 * that might be wrong is worse than none, because it moves every angle the supervisor judges the
 * limits on. The fix is to run {@code calibrate} again, or to delete the file to run uncalibrated.
 *
 * <p>Not thread-safe; one writer ({@code calibrate}) and readers at start-up only.
 */
public final class CalibrationStore {
    public static final String FILE_NAME = "imu-calibration.json";
    // Format 2: the mounting as signed axes ("-x"), without format 1's imu_sign. A format-1 file is
    // refused with "run calibrate again" rather than converted: the configuration it was measured
    // for changed keys too, so only a new measurement is known to match the new ones.
    public static final String FORMAT = "inversion-table/imu-calibration/2";
    private static final int MAX_BYTES = 4096;
    private static final String CRC_MEMBER = ",\"crc32\":\"";
    private static final List<String> KEYS = List.of("format", "measured_at", "imu_axis_along", "imu_axis_normal",
            "imu_offset_deg", "imu_accel_range_g",
            "accel_offset_x_g", "accel_offset_y_g", "accel_offset_z_g",
            "accel_scale_x", "accel_scale_y", "accel_scale_z",
            "gyro_offset_x_deg_s", "gyro_offset_y_deg_s", "gyro_offset_z_deg_s",
            "residual_deg", "crc32");

    private final Path dir;
    private final Path file;
    private final Path temp;
    private final DurableFileSystem fs;

    public CalibrationStore(Path stateDir, DurableFileSystem fs) {
        if (stateDir == null || fs == null) {
            throw new IllegalArgumentException("stateDir and fs must not be null");
        }
        this.dir = stateDir;
        this.file = stateDir.resolve(FILE_NAME);
        this.temp = stateDir.resolve(FILE_NAME + ".tmp");
        this.fs = fs;
    }

    public Path file() {
        return file;
    }

    /** The stored calibration, or {@link CalibrationState.None} when there is no file. */
    public CalibrationState load() throws CalibrationFileException {
        Optional<byte[]> bytes;
        try {
            bytes = fs.read(file, MAX_BYTES);
        } catch (IOException e) {
            throw new CalibrationFileException(file, "cannot be read (" + IoReasons.of(e) + ")");
        }
        if (bytes.isEmpty()) {
            return new CalibrationState.None("no IMU calibration in " + file
                    + ": the sensor runs uncalibrated; run 'calibrate' on the table (docs/calibration.md)");
        }
        if (bytes.get().length > MAX_BYTES) {
            throw new CalibrationFileException(file, "is larger than " + MAX_BYTES + " bytes: not a calibration file");
        }
        return new CalibrationState.Stored(decode(file, bytes.get()));
    }

    /** As {@link #load()}, and refuses a calibration measured for another mounting than {@code configured}. */
    public CalibrationState loadFor(ImuMounting configured) throws CalibrationFileException {
        CalibrationState state = load();
        if (state instanceof CalibrationState.Stored s && !s.stored().mounting().equals(configured)) {
            throw new CalibrationFileException(file, "was measured for " + describe(s.stored().mounting())
                    + " but the configuration says " + describe(configured)
                    + ": run 'calibrate' again (or delete the file to run uncalibrated)");
        }
        return state;
    }

    /** Writes durably; on failure the previous file is still there, whole. */
    public void save(StoredCalibration calibration) throws CalibrationFileException {
        try {
            fs.createDirectories(dir);
            fs.write(temp, encode(calibration).getBytes(StandardCharsets.UTF_8));
            fs.force(temp);
            fs.atomicMove(temp, file);
            fs.forceDirectory(dir);
        } catch (IOException e) {
            try {
                fs.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover temp file is never read, and the next save replaces it.
            }
            throw new CalibrationFileException(file, "could not be written (" + IoReasons.of(e) + ")");
        }
    }

    static String encode(StoredCalibration s) {
        ImuCalibration c = s.calibration();
        ImuMounting m = s.mounting();
        StringBuilder body = new StringBuilder("{");
        member(body, "format", quoted(FORMAT));
        member(body, "measured_at", quoted(s.measuredAt().toString()));
        member(body, "imu_axis_along", quoted(m.axisAlong().text()));
        member(body, "imu_axis_normal", quoted(m.axisNormal().text()));
        member(body, "imu_offset_deg", Double.toString(m.offsetDeg()));
        member(body, "imu_accel_range_g", Integer.toString(m.accelRangeG()));
        axes(body, "accel_offset_%s_g", c.accelOffsetG());
        axes(body, "accel_scale_%s", c.accelScale());
        axes(body, "gyro_offset_%s_deg_s", c.gyroOffsetDegS());
        member(body, "residual_deg", Double.toString(s.residualDeg()));
        String withoutCrc = body.append('}').toString();
        return withoutCrc.substring(0, withoutCrc.length() - 1) + CRC_MEMBER + crc(withoutCrc) + "\"}\n";
    }

    static StoredCalibration decode(Path file, byte[] bytes) throws CalibrationFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new CalibrationFileException(file, "is not UTF-8 text: damaged; run 'calibrate' again");
        }
        Map<String, Object> fields;
        try {
            fields = FlatJsonObject.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CalibrationFileException(file, "is not a whole JSON object (" + e.getMessage()
                    + "): torn or damaged; run 'calibrate' again");
        }
        // The format first: a file of an older format has other keys, and "run calibrate again" is its fix.
        if (!FORMAT.equals(fields.get("format"))) {
            throw new CalibrationFileException(file, "has format " + fields.get("format") + ", expected " + FORMAT
                    + "; run 'calibrate' again");
        }
        Set<String> missing = new LinkedHashSet<>(KEYS);
        missing.removeAll(fields.keySet());
        Set<String> unknown = new LinkedHashSet<>(fields.keySet());
        KEYS.forEach(unknown::remove);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new CalibrationFileException(file, (missing.isEmpty() ? "" : "lacks " + missing)
                    + (missing.isEmpty() || unknown.isEmpty() ? "" : " and ") + (unknown.isEmpty() ? "" : "has unknown " + unknown)
                    + "; run 'calibrate' again");
        }
        int crcAt = text.lastIndexOf(CRC_MEMBER);
        if (crcAt < 0 || !crc(text.substring(0, crcAt) + "}").equals(fields.get("crc32"))) {
            throw new CalibrationFileException(file, "fails its checksum (crc32): it was damaged or edited by hand;"
                    + " it is written by 'calibrate' only: run it again");
        }
        Reader r = new Reader(file, fields);
        try {
            ImuMounting mounting = new ImuMounting(r.axis("imu_axis_along"), r.axis("imu_axis_normal"),
                    r.number("imu_offset_deg"), r.integer("imu_accel_range_g"));
            ImuCalibration calibration = new ImuCalibration(r.axes("accel_offset_%s_g"), r.axes("accel_scale_%s"),
                    r.axes("gyro_offset_%s_deg_s"));
            return new StoredCalibration(calibration, r.instant("measured_at"), mounting, r.number("residual_deg"));
        } catch (IllegalArgumentException e) {
            throw new CalibrationFileException(file, "is out of range: " + e.getMessage() + "; run 'calibrate' again");
        }
    }

    private static String describe(ImuMounting m) {
        return String.format(Locale.ROOT, "imu_axis_along = %s, imu_axis_normal = %s, imu_offset_deg = %s,"
                + " imu_accel_range_g = %d", m.axisAlong().text(), m.axisNormal().text(), m.offsetDeg(), m.accelRangeG());
    }

    private static void member(StringBuilder body, String key, String value) {
        if (body.length() > 1) {
            body.append(',');
        }
        body.append('"').append(key).append("\":").append(value);
    }

    private static void axes(StringBuilder body, String pattern, Axes a) {
        for (int i = 0; i < 3; i++) {
            member(body, String.format(Locale.ROOT, pattern, "xyz".charAt(i)), Double.toString(a.get(i)));
        }
    }

    private static String quoted(String s) {
        return '"' + s + '"';
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    /** Typed access to the parsed members, each failure naming its key. */
    private record Reader(Path file, Map<String, Object> fields) {
        double number(String key) throws CalibrationFileException {
            if (fields.get(key) instanceof Double d && Double.isFinite(d)) {
                return d;
            }
            throw new CalibrationFileException(file, key + " must be a finite number, was " + fields.get(key));
        }

        int integer(String key) throws CalibrationFileException {
            double d = number(key);
            if (d != Math.rint(d)) {
                throw new CalibrationFileException(file, key + " must be a whole number, was " + d);
            }
            return (int) d;
        }

        Axis axis(String key) throws CalibrationFileException {
            if (fields.get(key) instanceof String s) {
                try {
                    return Axis.parse(s);
                } catch (IllegalArgumentException e) {
                    // reported below with the value
                }
            }
            throw new CalibrationFileException(file, key + " must be one of \"x\", \"-x\", \"y\", \"-y\", \"z\", \"-z\","
                    + " was " + fields.get(key));
        }

        Instant instant(String key) throws CalibrationFileException {
            if (fields.get(key) instanceof String s) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e) {
                    // reported below with the value
                }
            }
            throw new CalibrationFileException(file, key + " must be an ISO-8601 instant, was " + fields.get(key));
        }

        Axes axes(String pattern) throws CalibrationFileException {
            return new Axes(number(String.format(Locale.ROOT, pattern, 'x')), number(String.format(Locale.ROOT, pattern, 'y')),
                    number(String.format(Locale.ROOT, pattern, 'z')));
        }
    }
}
