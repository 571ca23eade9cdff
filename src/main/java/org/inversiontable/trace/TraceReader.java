package org.inversiontable.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> o = new FlatJson(line).object();
        return new TraceRow(number(o, "t_s", false), text(o, "state"), number(o, "angle_true_deg", false),
                number(o, "angle_meas_deg", true), number(o, "duty", false), bool(o, "enabled"),
                number(o, "inverted_s", false), bool(o, "estop"), bool(o, "home_switch"), text(o, "fault"),
                text(o, "event"));
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

    /** A strict parser for one flat JSON object of strings, numbers, booleans and nulls. */
    private static final class FlatJson {
        private final String s;
        private int i;

        FlatJson(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> fields = new HashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                i++;
            } else {
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    if (fields.containsKey(key)) {
                        throw error("field " + key + " appears twice");
                    }
                    fields.put(key, value());
                    skipSpace();
                } while (tryConsume(','));
                expect('}');
            }
            skipSpace();
            if (i != s.length()) {
                throw error("text after the object");
            }
            return fields;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String number = s.substring(start, i);
            if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                throw error("bad value");
            }
            return Double.parseDouble(number);
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private void skipSpace() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("unexpected end of line");
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private boolean tryConsume(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (next() != c) {
                i--;
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at column " + (i + 1));
        }
    }
}
