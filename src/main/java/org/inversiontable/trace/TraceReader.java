package org.inversiontable.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inversiontable.json.FlatJsonObject;

/**
 * Reads a trace back into rows, for tests and tools that check a run:
 * <pre>{@code
 * List<TraceRow> rows = TraceReader.readAll(Path.of("run.jsonl"));
 * }</pre>
 * Accepts any flat JSON object with the SPEC §10 fields (in any order, extra fields ignored);
 * a null {@code angle_meas_deg} becomes NaN, as in {@link TraceRow}.
 */
public final class TraceReader {
    private TraceReader() {
    }

    public static List<TraceRow> readAll(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace file " + file, e);
        }
        List<TraceRow> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                rows.add(parseLine(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** One line of the trace. @throws IllegalArgumentException naming what is wrong */
    public static TraceRow parseLine(String line) {
        Map<String, Object> o = FlatJsonObject.parse(line);
        return new TraceRow(number(o, "t_s", false), text(o, "state"), number(o, "angle_true_deg", false),
                number(o, "angle_meas_deg", true), number(o, "duty", false), bool(o, "enabled"),
                number(o, "inverted_s", false), bool(o, "estop"), bool(o, "home_switch"), text(o, "fault"),
                text(o, "event"), bool(o, "heartbeat"), number(o, "limit_angle_deg", false),
                number(o, "limit_inverted_s", false), text(o, "profile"));
    }

    private static Object field(Map<String, Object> o, String name) {
        if (!o.containsKey(name)) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return o.get(name);
    }

    private static double number(Map<String, Object> o, String name, boolean nullable) {
        Object v = field(o, name);
        if (v == null && nullable) {
            return Double.NaN;
        }
        if (v instanceof Double d) {
            return d;
        }
        throw new IllegalArgumentException(name + " must be a number" + (nullable ? " or null" : ""));
    }

    private static boolean bool(Map<String, Object> o, String name) {
        if (field(o, name) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(name + " must be true or false");
    }

    private static String text(Map<String, Object> o, String name) {
        Object v = field(o, name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new IllegalArgumentException(name + " must be a string or null");
    }
}
