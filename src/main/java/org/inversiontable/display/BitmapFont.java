package org.inversiontable.display;

import java.util.Locale;
import java.util.Map;

/**
 * The display's own 7-pixel-high font: digits, capitals and the few signs the table shows, drawn
 * as rows of {@code X} so that a reader can check each glyph here. Proportional (the colon and the
 * {@code I} are narrow), one column between glyphs; scaled by whole numbers, so a glyph stays sharp
 * on the OLED. No font files and no AWT: it runs on a headless Pi.
 *
 * <pre>{@code
 * int w = BitmapFont.widthPx("23°", 3);                 // how wide at 3x
 * String s = BitmapFont.fit("ANNABELLE", 2, 60);        // shortened to fit 60 px: "ANNABE"
 * BitmapFont.draw(frame, 0, 0, "23°", 3);
 * }</pre>
 *
 * <p>Lower case is drawn as upper case; a character it has no glyph for is drawn as {@code ?}.
 * Immutable: the glyph table is built once and never changed.
 */
public final class BitmapFont {
    /** Rows of every glyph, before scaling. */
    public static final int HEIGHT = 7;
    /** Columns between two glyphs, before scaling. */
    public static final int GAP = 1;

    private static final Map<Character, Glyph> GLYPHS = Map.ofEntries(
            glyph('0', ".XXX.", "X...X", "X..XX", "X.X.X", "XX..X", "X...X", ".XXX."),
            glyph('1', "..X..", ".XX..", "..X..", "..X..", "..X..", "..X..", ".XXX."),
            glyph('2', ".XXX.", "X...X", "....X", "...X.", "..X..", ".X...", "XXXXX"),
            glyph('3', "XXXXX", "...X.", "..X..", "...X.", "....X", "X...X", ".XXX."),
            glyph('4', "...X.", "..XX.", ".X.X.", "X..X.", "XXXXX", "...X.", "...X."),
            glyph('5', "XXXXX", "X....", "XXXX.", "....X", "....X", "X...X", ".XXX."),
            glyph('6', "..XX.", ".X...", "X....", "XXXX.", "X...X", "X...X", ".XXX."),
            glyph('7', "XXXXX", "....X", "...X.", "..X..", ".X...", ".X...", ".X..."),
            glyph('8', ".XXX.", "X...X", "X...X", ".XXX.", "X...X", "X...X", ".XXX."),
            glyph('9', ".XXX.", "X...X", "X...X", ".XXXX", "....X", "...X.", ".XX.."),
            glyph('A', ".XXX.", "X...X", "X...X", "XXXXX", "X...X", "X...X", "X...X"),
            glyph('B', "XXXX.", "X...X", "X...X", "XXXX.", "X...X", "X...X", "XXXX."),
            glyph('C', ".XXX.", "X...X", "X....", "X....", "X....", "X...X", ".XXX."),
            glyph('D', "XXX..", "X..X.", "X...X", "X...X", "X...X", "X..X.", "XXX.."),
            glyph('E', "XXXXX", "X....", "X....", "XXXX.", "X....", "X....", "XXXXX"),
            glyph('F', "XXXXX", "X....", "X....", "XXXX.", "X....", "X....", "X...."),
            glyph('G', ".XXX.", "X...X", "X....", "X.XXX", "X...X", "X...X", ".XXXX"),
            glyph('H', "X...X", "X...X", "X...X", "XXXXX", "X...X", "X...X", "X...X"),
            glyph('I', "XXX", ".X.", ".X.", ".X.", ".X.", ".X.", "XXX"),
            glyph('J', "..XXX", "...X.", "...X.", "...X.", "...X.", "X..X.", ".XX.."),
            glyph('K', "X...X", "X..X.", "X.X..", "XX...", "X.X..", "X..X.", "X...X"),
            glyph('L', "X....", "X....", "X....", "X....", "X....", "X....", "XXXXX"),
            glyph('M', "X...X", "XX.XX", "X.X.X", "X.X.X", "X...X", "X...X", "X...X"),
            glyph('N', "X...X", "X...X", "XX..X", "X.X.X", "X..XX", "X...X", "X...X"),
            glyph('O', ".XXX.", "X...X", "X...X", "X...X", "X...X", "X...X", ".XXX."),
            glyph('P', "XXXX.", "X...X", "X...X", "XXXX.", "X....", "X....", "X...."),
            glyph('Q', ".XXX.", "X...X", "X...X", "X...X", "X.X.X", "X..X.", ".XX.X"),
            glyph('R', "XXXX.", "X...X", "X...X", "XXXX.", "X.X..", "X..X.", "X...X"),
            glyph('S', ".XXXX", "X....", "X....", ".XXX.", "....X", "....X", "XXXX."),
            glyph('T', "XXXXX", "..X..", "..X..", "..X..", "..X..", "..X..", "..X.."),
            glyph('U', "X...X", "X...X", "X...X", "X...X", "X...X", "X...X", ".XXX."),
            glyph('V', "X...X", "X...X", "X...X", "X...X", "X...X", ".X.X.", "..X.."),
            glyph('W', "X...X", "X...X", "X...X", "X.X.X", "X.X.X", "X.X.X", ".X.X."),
            glyph('X', "X...X", "X...X", ".X.X.", "..X..", ".X.X.", "X...X", "X...X"),
            glyph('Y', "X...X", "X...X", ".X.X.", "..X..", "..X..", "..X..", "..X.."),
            glyph('Z', "XXXXX", "....X", "...X.", "..X..", ".X...", "X....", "XXXXX"),
            glyph(' ', "...", "...", "...", "...", "...", "...", "..."),
            glyph('-', "....", "....", "....", "XXXX", "....", "....", "...."),
            glyph('+', ".....", "..X..", "..X..", "XXXXX", "..X..", "..X..", "....."),
            glyph(':', ".", "X", "X", ".", "X", "X", "."),
            glyph('.', ".", ".", ".", ".", ".", ".", "X"),
            glyph('!', "X", "X", "X", "X", "X", ".", "X"),
            glyph('/', "....X", "...X.", "...X.", "..X..", ".X...", ".X...", "X...."),
            glyph('_', ".....", ".....", ".....", ".....", ".....", ".....", "XXXXX"),
            glyph('?', ".XXX.", "X...X", "....X", "...X.", "..X..", ".....", "..X.."),
            glyph('\u00b0', ".XX.", "X..X", "X..X", ".XX.", "....", "....", "...."));
    private static final Glyph UNKNOWN = GLYPHS.get('?');

    private BitmapFont() {
    }

    /** One glyph: its width and, per column, the lit rows (bit 0 = top row), as the SSD1306 stores them. */
    private record Glyph(int width, byte[] columns) {
        boolean lit(int column, int row) {
            return (columns[column] >> row & 1) != 0;
        }
    }

    private static Map.Entry<Character, Glyph> glyph(char c, String... rows) {
        if (rows.length != HEIGHT) {
            throw new IllegalArgumentException("glyph '" + c + "' has " + rows.length + " rows, not " + HEIGHT);
        }
        int width = rows[0].length();
        byte[] columns = new byte[width];
        for (int row = 0; row < HEIGHT; row++) {
            if (rows[row].length() != width) {
                throw new IllegalArgumentException("glyph '" + c + "' row " + row + " is not " + width + " wide");
            }
            for (int column = 0; column < width; column++) {
                if (rows[row].charAt(column) == 'X') {
                    columns[column] |= (byte) (1 << row);
                }
            }
        }
        return Map.entry(c, new Glyph(width, columns));
    }

    private static Glyph glyphOf(char c) {
        Glyph g = GLYPHS.get(Character.toUpperCase(c));
        return g == null ? UNKNOWN : g;
    }

    /** True when the font has a glyph of its own for {@code c} (lower case counts as upper case). */
    public static boolean has(char c) {
        return GLYPHS.containsKey(Character.toUpperCase(c));
    }

    /** Height of a line at {@code scale}, in pixels. */
    public static int heightPx(int scale) {
        return HEIGHT * scale;
    }

    /** Width of {@code text} at {@code scale}, in pixels, without a gap after the last glyph. */
    public static int widthPx(String text, int scale) {
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += glyphOf(text.charAt(i)).width() + (i > 0 ? GAP : 0);
        }
        return units * scale;
    }

    /**
     * {@code text} in capitals, shortened from the end until it fits {@code maxWidthPx} at {@code scale}:
     * text that would not fit is cut, never wrapped or drawn past the edge.
     */
    public static String fit(String text, int scale, int maxWidthPx) {
        String s = text.toUpperCase(Locale.ROOT).strip();
        while (!s.isEmpty() && widthPx(s, scale) > maxWidthPx) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    /**
     * Draws {@code text} with its top-left corner at ({@code x}, {@code y}); returns the width drawn.
     * Pixels outside the frame are not drawn (and counted by the frame).
     */
    public static int draw(MonoFrame frame, int x, int y, String text, int scale) {
        int cursor = x;
        for (int i = 0; i < text.length(); i++) {
            Glyph g = glyphOf(text.charAt(i));
            for (int column = 0; column < g.width(); column++) {
                for (int row = 0; row < HEIGHT; row++) {
                    if (g.lit(column, row)) {
                        frame.fill(cursor + column * scale, y + row * scale, scale, scale);
                    }
                }
            }
            cursor += (g.width() + GAP) * scale;
        }
        return widthPx(text, scale);
    }
}
