package org.inversiontable.simulator.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Arrays;
import javax.swing.JComponent;
import org.inversiontable.hardware.PixelDisplay;

/**
 * The table's OLED as its panel shows it (SPEC §13): each of the 128x64 pixels a small square, lit
 * ones in the panel's blue-white on black, inside a dark bezel. It draws the frame read back from
 * the simulated controller's RAM, so the picture is what the real driver wrote.
 *
 * <pre>{@code
 * OledView oled = new OledView();
 * oled.show(controls.displayFrame().orElseThrow());   // on the event thread
 * }</pre>
 *
 * <p>Confined to the event thread.
 */
final class OledView extends JComponent {
    /** Screen pixels per display pixel: the 128x64 panel at 384x192. */
    static final int SCALE = 3;
    static final int BEZEL_PX = 10;
    static final Color LIT = new Color(0xA8E6FF);
    static final Color DARK = new Color(0x06090C);
    static final Color BEZEL = new Color(0x1B2026);

    private byte[] frame = new byte[PixelDisplay.FRAME_BYTES];

    OledView() {
        Dimension size = new Dimension(PixelDisplay.WIDTH_PX * SCALE + 2 * BEZEL_PX,
                PixelDisplay.HEIGHT_PX * SCALE + 2 * BEZEL_PX);
        setPreferredSize(size);
        setMinimumSize(size);
        setMaximumSize(size);
    }

    /** Shows {@code newFrame} (page layout); repaints only when it changed. */
    void show(byte[] newFrame) {
        if (!Arrays.equals(frame, newFrame)) {
            frame = newFrame.clone();
            repaint();
        }
    }

    /** Whether the pixel at (x, y) of the shown frame is lit. */
    boolean lit(int x, int y) {
        return (frame[(y >> 3) * PixelDisplay.WIDTH_PX + x] >> (y & 7) & 1) != 0;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BEZEL);
            g.fillRoundRect(0, 0, getPreferredSize().width, getPreferredSize().height, 12, 12);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(DARK);
            g.fillRect(BEZEL_PX, BEZEL_PX, PixelDisplay.WIDTH_PX * SCALE, PixelDisplay.HEIGHT_PX * SCALE);
            g.setColor(LIT);
            for (int y = 0; y < PixelDisplay.HEIGHT_PX; y++) {
                for (int x = 0; x < PixelDisplay.WIDTH_PX; x++) {
                    if (lit(x, y)) {
                        // One screen pixel of gap between squares: the dotted look of a real OLED up close.
                        g.fillRect(BEZEL_PX + x * SCALE, BEZEL_PX + y * SCALE, SCALE - 1, SCALE - 1);
                    }
                }
            }
        } finally {
            g.dispose();
        }
    }
}
