package org.inversiontable.json;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The JSON pieces the trace needs, written by hand into a reused builder so that tracing a tick
 * does not allocate (SPEC §11) and the text never depends on the default locale.
 */
public final class JsonText {
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    /** Below this, |v| * 10^decimals fits a long with every unit exact. */
    private static final double EXACT_LIMIT = 1e15;

    private JsonText() {
    }

    /**
     * A number with exactly {@code decimals} decimals, rounded half away from zero; {@code null}
     * when it is not finite, since JSON has no NaN or infinity. Never "-0.000".
     */
    public static void appendFixed(StringBuilder sb, double v, int decimals) {
        if (decimals < 0 || decimals >= POW10.length) {
            throw new IllegalArgumentException("decimals must be in 0.." + (POW10.length - 1) + ", got " + decimals);
        }
        if (!Double.isFinite(v)) {
            sb.append("null");
            return;
        }
        long scale = POW10[decimals];
        double scaled = Math.abs(v) * scale;
        if (scaled >= EXACT_LIMIT) {
            sb.append(new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString());
            return;
        }
        long units = (long) Math.floor(scaled + 0.5);
        if (v < 0 && units != 0) {
            sb.append('-');
        }
        sb.append(units / scale);
        if (decimals > 0) {
            sb.append('.');
            long fraction = units % scale;
            for (long p = scale / 10; p > 1 && fraction < p; p /= 10) {
                sb.append('0');
            }
            sb.append(fraction);
        }
    }

    /**
     * A number written losslessly: the shortest decimal that reads back as the same double
     * ({@link Double#toString} since Java 19), so that a replayed input is bit for bit the recorded
     * one. NaN is {@code null}; the infinities, which JSON has no number for, are the strings
     * {@code "Infinity"} and {@code "-Infinity"}. Never -0 as 0: "-0.0" is kept.
     */
    public static void appendExact(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            sb.append("null");
        } else if (Double.isInfinite(v)) {
            sb.append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        } else {
            sb.append(v);
        }
    }

    /** A JSON string with quotes and escapes, or {@code null}. */
    public static void appendString(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || isLoneSurrogate(s, i)) {
                        // A lone surrogate would be mangled to '?' by the UTF-8 encoder; escaped, it survives.
                        appendUnicodeEscape(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static void appendUnicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u");
        String hex = "0123456789abcdef";
        for (int shift = 12; shift >= 0; shift -= 4) {
            sb.append(hex.charAt((c >> shift) & 0xf));
        }
    }
}
