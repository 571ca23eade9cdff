package org.inversiontable.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parser for one flat JSON object whose values are strings or numbers: exactly the shape of a
 * history line, so the project needs no JSON library. Rejects anything else with the column.
 */
final class FlatJson {
    private final String text;
    private int pos;

    private FlatJson(String text) {
        this.text = text;
    }

    /** Keys to values (String or Double), in file order. */
    static Map<String, Object> parseObject(String text) {
        FlatJson p = new FlatJson(text);
        Map<String, Object> fields = p.object();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the object");
        }
        return fields;
    }

    private Map<String, Object> object() {
        Map<String, Object> fields = new LinkedHashMap<>();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
            return fields;
        }
        while (true) {
            skipSpace();
            int keyPos = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object value = peek() == '"' ? string() : number();
            if (fields.put(key, value) != null) {
                pos = keyPos;
                throw error("key '" + key + "' given twice");
            }
            skipSpace();
            char c = next();
            if (c == '}') {
                return fields;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character in a string");
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> s.append(unicodeEscape());
                default -> {
                    pos--;
                    throw error("bad escape '\\" + e + "'");
                }
            }
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("short \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
        }
    }

    private Double number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        // JSON numbers only: Double.parseDouble would also take "NaN", "Infinity", "1d", "0x1p3"
        if (!literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            pos = start;
            throw error(literal.isEmpty() ? "expected a string or a number" : "bad number '" + literal + "'");
        }
        return Double.valueOf(literal);
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of line");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at column " + (pos + 1));
    }
}
