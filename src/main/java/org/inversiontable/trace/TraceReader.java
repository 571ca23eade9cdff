package org.inversiontable.trace;

import org.inversiontable.json.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inversiontable.json.FlatJsonObject;

/**
 * Reads a trace back into rows, for tests and tools that check a run:
 * <pre>{@code
 * List<TraceRow> rows = TraceReader.readAll(Path.of("run.jsonl"));
 * }</pre>
 * Accepts any flat JSON object with the SPEC §10 fields (in any order, extra fields ignored);
 * a null {@code angle_meas_deg} becomes NaN, as in {@link TraceRow}, and so does a null
 * {@code angle_true_deg} (a real table, whose true angle no one knows, as the runtime and the
 * flight recorder write it). The raw inputs are read
 * when the row has {@code t_ns} (then all of them must be there), the boot fields when it has
 * {@code boot_t_ns}; a trace written before they existed reads with both null.
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
        Map<String, Object> o = FlatJsonObject.parseKeepingIntegers(line);
        return new TraceRow(number(o, "t_s", false), text(o, "state"), number(o, "angle_true_deg", true),
                number(o, "angle_meas_deg", true), number(o, "duty", false), bool(o, "enabled"),
                number(o, "inverted_s", false), bool(o, "estop"), bool(o, "home_switch"), text(o, "fault"),
                text(o, "event"), bool(o, "heartbeat"), number(o, "limit_angle_deg", false),
                number(o, "limit_inverted_s", false), text(o, "profile"), inputs(o), boot(o));
    }

    private static TraceRow.Inputs inputs(Map<String, Object> o) {
        if (!o.containsKey("t_ns")) {
            return null;
        }
        String status = text(o, "tilt_status");
        if (status == null) {
            throw new IllegalArgumentException("tilt_status must be a string");
        }
        long buttons = integer(o, "buttons");
        if (buttons < 0 || buttons > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buttons must be a mask from 0 to " + Integer.MAX_VALUE);
        }
        return new TraceRow.Inputs(integer(o, "t_ns"), status, exact(o, "tilt_angle_deg"),
                exact(o, "tilt_gravity_g"), (int) buttons, bool(o, "report_estop"), text(o, "report_fault"),
                bool(o, "estop_cut_in_tick"), o.containsKey("rest_refused") && bool(o, "rest_refused"));
    }

    private static TraceRow.Boot boot(Map<String, Object> o) {
        if (!o.containsKey("boot_t_ns")) {
            return null;
        }
        Map<String, String> config = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o.entrySet()) {
            if (e.getKey().startsWith(TraceWriter.CONFIG_PREFIX)) {
                if (!(e.getValue() instanceof String value)) {
                    throw new IllegalArgumentException(e.getKey() + " must be a string");
                }
                config.put(e.getKey().substring(TraceWriter.CONFIG_PREFIX.length()), value);
            }
        }
        return new TraceRow.Boot(integer(o, "boot_t_ns"), exact(o, "boot_inverted_s"), bool(o, "boot_session_active"),
                bool(o, "boot_budget_spent"), text(o, "boot_journal_problem"), bool(o, "boot_return_ran"),
                bool(o, "boot_no_journal"), exact(o, "boot_preset_deg"), bool(o, "boot_heartbeat"), config);
    }

    /** A whole number, exactly (nanoseconds pass what a double holds exactly after about 104 days). */
    private static long integer(Map<String, Object> o, String name) {
        if (field(o, name) instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException(name + " must be a whole number");
    }

    /** A number written by {@link JsonText#appendExact}: null is NaN, the infinities are strings. */
    private static double exact(Map<String, Object> o, String name) {
        Object v = field(o, name);
        if (v == null) {
            return Double.NaN;
        }
        if ("Infinity".equals(v)) {
            return Double.POSITIVE_INFINITY;
        }
        if ("-Infinity".equals(v)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException(name + " must be a number, null, \"Infinity\" or \"-Infinity\"");
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
        if (v instanceof Long l) {
            return l;
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
