package org.inversiontable.display;

import org.inversiontable.hardware.PixelDisplay;

/**
 * A 128x64 one-bit picture in the SSD1306's page layout ({@link PixelDisplay}), drawn into with
 * clipping: a pixel outside the frame is not drawn but counted, so a test can prove that nothing
 * the renderer draws falls off the screen.
 *
 * <pre>{@code
 * MonoFrame f = new MonoFrame();
 * f.fill(0, 24, 128, 7);
 * byte[] bytes = f.bytes();       // a copy, for the driver
 * assert f.clippedPixels() == 0;
 * }</pre>
 *
 * <p>Not thread-safe: made, drawn and read by the display thread.
 */
public final class MonoFrame {
    private final byte[] bytes = new byte[PixelDisplay.FRAME_BYTES];
    private long clippedPixels;

    /** Lights the pixel at ({@code x}, {@code y}), x to the right, y down from the top-left corner. */
    public void set(int x, int y) {
        if (x < 0 || x >= PixelDisplay.WIDTH_PX || y < 0 || y >= PixelDisplay.HEIGHT_PX) {
            clippedPixels++;
            return;
        }
        bytes[(y >> 3) * PixelDisplay.WIDTH_PX + x] |= (byte) (1 << (y & 7));
    }

    /** Lights a filled rectangle of {@code widthPx} x {@code heightPx} pixels. */
    public void fill(int x, int y, int widthPx, int heightPx) {
        for (int dy = 0; dy < heightPx; dy++) {
            for (int dx = 0; dx < widthPx; dx++) {
                set(x + dx, y + dy);
            }
        }
    }

    /** Lights the one-pixel outline of a rectangle. */
    public void outline(int x, int y, int widthPx, int heightPx) {
        fill(x, y, widthPx, 1);
        fill(x, y + heightPx - 1, widthPx, 1);
        fill(x, y + 1, 1, heightPx - 2);
        fill(x + widthPx - 1, y + 1, 1, heightPx - 2);
    }

    public boolean lit(int x, int y) {
        return (bytes[(y >> 3) * PixelDisplay.WIDTH_PX + x] >> (y & 7) & 1) != 0;
    }

    /** How many pixels were drawn outside the frame (and so not drawn). */
    public long clippedPixels() {
        return clippedPixels;
    }

    /** The picture, a copy in page layout. */
    public byte[] bytes() {
        return bytes.clone();
    }
}
