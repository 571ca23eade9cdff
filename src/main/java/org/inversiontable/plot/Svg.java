package org.inversiontable.plot;

import java.util.Locale;

/**
 * The few SVG elements the plot uses, written by hand into a StringBuilder: numbers with one
 * decimal and no locale (a German desktop must not write "12,5"), text escaped for XML.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    Svg open(int widthPx, int heightPx) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(widthPx)
                .append("\" height=\"").append(heightPx).append("\" viewBox=\"0 0 ").append(widthPx).append(' ')
                .append(heightPx).append("\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\""
                        + " font-size=\"12\">\n");
        return this;
    }

    Svg close() {
        out.append("</svg>\n");
        return this;
    }

    /** A raw element or group tag; the caller passes well-formed markup with escaped values. */
    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    Svg rect(double x, double y, double w, double h, String attributes) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" ").append(attributes)
                .append("/>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String attributes) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" ").append(attributes)
                .append("/>\n");
        return this;
    }

    /** A path through {@code d} (built with {@link #num}); nothing when it is empty. */
    Svg path(CharSequence d, String attributes) {
        if (!d.isEmpty()) {
            out.append("<path d=\"").append(d).append("\" fill=\"none\" ").append(attributes).append("/>\n");
        }
        return this;
    }

    Svg text(double x, double y, String text, String attributes) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" ").append(attributes)
                .append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One decimal, no trailing ".0", no locale: the precision of a tenth of a pixel. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return sign + (abs / 10) + "." + (abs % 10);
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Text as XML character data or attribute value; characters XML 1.0 forbids become '?'. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xFFFE)
                            && !Character.isSurrogate(c) || Character.isSurrogate(c) && pairedAt(text, i);
                    sb.append(allowed ? c : '?');
                }
            }
        }
        return sb.toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
