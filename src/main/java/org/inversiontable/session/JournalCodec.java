package org.inversiontable.session;

import java.time.LocalDate;
import org.inversiontable.progression.ProfileBook;
import org.inversiontable.progression.ProgressionState;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The journal's text form: a header, one {@code key=value} line per field in a fixed order, and
 * a CRC32 over everything before it, so a torn write, a truncation or a flipped bit is detected
 * instead of being read as a smaller inverted time.
 *
 * <pre>
 * inversion-table session journal v1
 * session_id=12
 * start_epoch_ms=1795514400000
 * inverted_s=175.25
 * max_angle_deg=30.1
 * active=true
 * return_ran=false
 * crc32=0a1b2c3d
 * </pre>
 *
 * <p>{@code return_ran} came later: a journal without it (written before) reads as a session in
 * which the automatic return has not run, as it was then read. The profiles' lines (SPEC §13) came
 * later still and follow it, only on a table whose profiles have a state:
 *
 * <pre>
 * profile=anna
 * last_end_epoch_ms=1795514400000
 * last_date=2026-01-07
 * progress.anna=2;1;2026-01-05,2026-01-07
 * </pre>
 *
 * <p>{@code progress.NAME} is the level, the run of sessions not comfortable, and the dates of the
 * comfortable sessions since the level last changed.
 */
final class JournalCodec {
    static final String HEADER = "inversion-table session journal v1";
    private static final String CRC_KEY = "crc32=";
    private static final List<String> FIELDS =
            List.of("session_id", "start_epoch_ms", "inverted_s", "max_angle_deg", "active", "return_ran");
    /** The fields every journal has; the ones after them are optional, for older journals. */
    private static final int REQUIRED_FIELDS = 5;

    private JournalCodec() {
    }

    static byte[] encode(SessionSnapshot s) {
        String body = HEADER + "\n"
                + "session_id=" + s.sessionId() + "\n"
                + "start_epoch_ms=" + s.startEpochMillis() + "\n"
                + "inverted_s=" + s.invertedS() + "\n"
                + "max_angle_deg=" + s.maxAngleDeg() + "\n"
                + "active=" + s.active() + "\n"
                + "return_ran=" + s.returnRan() + "\n"
                + profileLines(s.profiles());
        return (body + CRC_KEY + crcHex(body.getBytes(StandardCharsets.UTF_8)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String profileLines(ProfileBook book) {
        if (book.equals(ProfileBook.EMPTY)) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        s.append(PROFILE).append(book.inForce() == null ? "" : book.inForce()).append('\n');
        s.append(LAST_END).append(book.lastEndEpochMillis()).append('\n');
        s.append(LAST_DATE).append(book.lastSessionDate() == null ? "" : book.lastSessionDate()).append('\n');
        book.progress().forEach((name, p) -> {
            s.append(PROGRESS).append(name).append('=').append(p.level()).append(';').append(p.notComfortableRun())
                    .append(';');
            for (int i = 0; i < p.comfortableDates().size(); i++) {
                s.append(i == 0 ? "" : ",").append(p.comfortableDates().get(i));
            }
            s.append('\n');
        });
        return s.toString();
    }

    private static final String PROFILE = "profile=";
    private static final String LAST_END = "last_end_epoch_ms=";
    private static final String LAST_DATE = "last_date=";
    private static final String PROGRESS = "progress.";

    /** The snapshot, or a {@link JournalState.Corrupt} saying why the bytes cannot be trusted. */
    static JournalState decode(byte[] bytes) {
        if (bytes.length == 0) {
            return new JournalState.Corrupt("the journal is empty");
        }
        if (bytes[bytes.length - 1] != '\n') {
            return new JournalState.Corrupt("the journal is torn (it does not end with a line break)");
        }
        int crcLineStart = lastLineStart(bytes);
        String crcLine = new String(bytes, crcLineStart, bytes.length - 1 - crcLineStart, StandardCharsets.US_ASCII);
        if (!crcLine.startsWith(CRC_KEY)) {
            return new JournalState.Corrupt("the journal has no crc32 line at its end");
        }
        byte[] body = java.util.Arrays.copyOf(bytes, crcLineStart);
        String expected = crcHex(body);
        if (!crcLine.substring(CRC_KEY.length()).equals(expected)) {
            return new JournalState.Corrupt("the journal's crc32 does not match its content (stored "
                    + crcLine.substring(CRC_KEY.length()) + ", computed " + expected + ")");
        }
        try {
            return new JournalState.Loaded(parseBody(new String(body, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return new JournalState.Corrupt("the journal's content is not valid: " + e.getMessage());
        }
    }

    private static SessionSnapshot parseBody(String body) {
        String[] all = body.split("\n", -1);
        int profileStart = all.length - 1;
        for (int i = 1; i < all.length - 1; i++) {
            if (all[i].startsWith(PROFILE)) {
                profileStart = i;
                break;
            }
        }
        ProfileBook book = parseProfiles(java.util.Arrays.asList(all).subList(profileStart, all.length - 1));
        String[] lines = new String[profileStart + 1];
        System.arraycopy(all, 0, lines, 0, profileStart);
        lines[profileStart] = "";
        // the body ends with '\n', so the split yields one empty string after the last field
        int fields = lines.length - 2;
        if (fields < REQUIRED_FIELDS || fields > FIELDS.size() || !lines[0].equals(HEADER)
                || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("expected the header '" + HEADER + "' and the fields " + FIELDS);
        }
        String[] values = new String[FIELDS.size()];
        values[5] = "false";
        for (int i = 0; i < fields; i++) {
            String prefix = FIELDS.get(i) + "=";
            if (!lines[i + 1].startsWith(prefix)) {
                throw new IllegalArgumentException("line " + (i + 2) + " should be " + FIELDS.get(i));
            }
            values[i] = lines[i + 1].substring(prefix.length());
        }
        return new SessionSnapshot(Long.parseLong(values[0]), Long.parseLong(values[1]),
                Double.parseDouble(values[2]), Double.parseDouble(values[3]), bool("active", values[4]),
                bool("return_ran", values[5]), book);
    }

    private static ProfileBook parseProfiles(List<String> lines) {
        if (lines.isEmpty()) {
            return ProfileBook.EMPTY;
        }
        if (lines.size() < 3 || !lines.get(0).startsWith(PROFILE) || !lines.get(1).startsWith(LAST_END)
                || !lines.get(2).startsWith(LAST_DATE)) {
            throw new IllegalArgumentException("the profiles' lines must start with profile, last_end_epoch_ms, last_date");
        }
        String inForce = lines.get(0).substring(PROFILE.length());
        long lastEnd = Long.parseLong(lines.get(1).substring(LAST_END.length()));
        String date = lines.get(2).substring(LAST_DATE.length());
        java.util.Map<String, ProgressionState> progress = new java.util.LinkedHashMap<>();
        for (String line : lines.subList(3, lines.size())) {
            int eq = line.indexOf('=');
            if (!line.startsWith(PROGRESS) || eq < 0) {
                throw new IllegalArgumentException("unexpected line '" + line + "'");
            }
            String[] parts = line.substring(eq + 1).split(";", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("progress line '" + line + "' must be LEVEL;RUN;DATES");
            }
            List<LocalDate> dates = new java.util.ArrayList<>();
            for (String d : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
                dates.add(LocalDate.parse(d));
            }
            progress.put(line.substring(PROGRESS.length(), eq),
                    new ProgressionState(Integer.parseInt(parts[0]), dates, Integer.parseInt(parts[1])));
        }
        return new ProfileBook(inForce.isEmpty() ? null : inForce, progress, lastEnd,
                date.isEmpty() ? null : LocalDate.parse(date));
    }

    private static boolean bool(String field, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(field + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static int lastLineStart(byte[] bytes) {
        for (int i = bytes.length - 2; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static String crcHex(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
