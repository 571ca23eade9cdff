package org.inversiontable.session;

import org.inversiontable.progression.SessionComfort;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.inversiontable.json.FlatJsonObject;
import java.util.Objects;

/**
 * One finished session, as one line of the history file (SPEC §7). The instants are wall-clock
 * times supplied at the edge of the program; they are for people, never for control.
 *
 * @param start       when the table left home
 * @param end         when the session ended
 * @param maxAngleDeg the highest angle reached
 * @param invertedS   the time spent inverted (angle > 0)
 * @param endedBy     how it ended
 * @param sessionId   the journal's session number (0: unknown, a line written before it was kept); a
 *                    session whose end a power cut repeated has two lines, the later one stands
 * @param profile     null, or the profile in force (SPEC §13)
 * @param level       the progression level the session ran at; -1 when its profile has no progression
 * @param comfort     how the session went for the progression; null when it did not invert
 */
public record HistoryRecord(Instant start, Instant end, double maxAngleDeg, double invertedS, EndedBy endedBy,
                            long sessionId, String profile, int level, SessionComfort comfort) {
    /** A session of a table without profiles. */
    public HistoryRecord(Instant start, Instant end, double maxAngleDeg, double invertedS, EndedBy endedBy) {
        this(start, end, maxAngleDeg, invertedS, endedBy, 0L, null, -1, null);
    }

    public HistoryRecord {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(endedBy, "endedBy");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end (" + end + ") must not be before start (" + start + ")");
        }
        if (!Double.isFinite(maxAngleDeg)) {
            throw new IllegalArgumentException("maxAngleDeg must be finite, was " + maxAngleDeg);
        }
        if (!Double.isFinite(invertedS) || invertedS < 0) {
            throw new IllegalArgumentException("invertedS must be finite and >= 0, was " + invertedS);
        }
    }

    /** The JSON line without its line break. */
    public String toJson() {
        StringBuilder s = new StringBuilder("{\"start\":\"").append(start).append("\",\"end\":\"").append(end)
                .append("\",\"max_angle_deg\":").append(maxAngleDeg).append(",\"inverted_s\":").append(invertedS)
                .append(",\"ended_by\":\"").append(endedBy.text()).append('"');
        if (sessionId > 0) {
            s.append(",\"session\":").append(sessionId);
        }
        if (profile != null) {
            // A profile's name is letters, digits, '_' and '-' (ProfileSpec.NAME): nothing to escape.
            s.append(",\"profile\":\"").append(profile).append('"');
        }
        if (level >= 0) {
            s.append(",\"level\":").append(level);
        }
        if (comfort != null) {
            s.append(",\"comfort\":\"").append(comfort.text()).append('"');
        }
        return s.append('}').toString();
    }

    /**
     * Parses one history line. Unknown extra fields are ignored, so that a later version may add
     * some without making older readers skip every line.
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    public static HistoryRecord fromJson(String line) {
        Map<String, Object> f = FlatJsonObject.parse(line.strip());
        try {
            return new HistoryRecord(instant(f, "start"), instant(f, "end"), number(f, "max_angle_deg"),
                    number(f, "inverted_s"), EndedBy.fromText(string(f, "ended_by")).orElseThrow(
                            () -> new IllegalArgumentException("ended_by '" + f.get("ended_by") + "' is not one of "
                                    + java.util.Arrays.stream(EndedBy.values()).map(EndedBy::text).toList())),
                    f.containsKey("session") ? (long) number(f, "session") : 0L,
                    f.containsKey("profile") ? string(f, "profile") : null,
                    f.containsKey("level") ? (int) number(f, "level") : -1,
                    f.containsKey("comfort") ? SessionComfort.fromText(string(f, "comfort")).orElseThrow(
                            () -> new IllegalArgumentException("comfort '" + f.get("comfort") + "' is not one of "
                                    + java.util.Arrays.stream(SessionComfort.values()).map(SessionComfort::text).toList()))
                            : null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time: " + e.getParsedString());
        }
    }

    private static Object field(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return v;
    }

    private static String string(Map<String, Object> f, String key) {
        if (field(f, key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("\"" + key + "\" must be a string");
    }

    private static double number(Map<String, Object> f, String key) {
        if (field(f, key) instanceof Double d) {
            return d;
        }
        throw new IllegalArgumentException("\"" + key + "\" must be a number");
    }

    private static Instant instant(Map<String, Object> f, String key) {
        return Instant.parse(string(f, key));
    }
}
