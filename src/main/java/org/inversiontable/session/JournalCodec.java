package org.inversiontable.session;

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
 * which the automatic return has not run, as it was then read.
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
                + "return_ran=" + s.returnRan() + "\n";
        return (body + CRC_KEY + crcHex(body.getBytes(StandardCharsets.UTF_8)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

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
        } catch (IllegalArgumentException e) {
            return new JournalState.Corrupt("the journal's content is not valid: " + e.getMessage());
        }
    }

    private static SessionSnapshot parseBody(String body) {
        String[] lines = body.split("\n", -1);
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
                bool("return_ran", values[5]));
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
