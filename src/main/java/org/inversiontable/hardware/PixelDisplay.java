package org.inversiontable.hardware;

/**
 * The optional small display on the table (SPEC §13): a 128x64 one-bit picture, written whole and
 * shown as it is. The frame is in the SSD1306's page layout, which the renderer and the driver
 * share: {@link #PAGES} pages of {@link #WIDTH_PX} column bytes, page {@code p} covering rows
 * {@code 8p..8p+7}, bit 0 the top row of its page; byte {@code p * WIDTH_PX + x}.
 *
 * <pre>{@code
 * display.init();          // throws when the display does not answer
 * display.show(frame);     // byte[FRAME_BYTES]; throws on a bus error
 * display.off();           // at the end, so that a stopped table shows no stale angle
 * }</pre>
 *
 * <p>Unlike the table's other ports this one may throw: a display is an auxiliary part (SPEC §12),
 * and the thread that drives it reports the failure and goes on without it. Never called from the
 * control thread.
 */
public interface PixelDisplay {
    int WIDTH_PX = 128;
    int HEIGHT_PX = 64;
    int PAGES = HEIGHT_PX / 8;
    int FRAME_BYTES = WIDTH_PX * PAGES;

    /** Sets the display up from its reset state and clears it; the next {@link #show} sends every byte. */
    void init();

    /**
     * Sets the display up again without darkening it, and sends the whole of the next frame: a
     * panel that reset itself (a supply dip leaves it dark, its settings lost) comes back, and one
     * that was unplugged is found even while the picture does not change.
     */
    void refresh();

    /** Shows {@code frame} ({@link #FRAME_BYTES} bytes, page layout). */
    void show(byte[] frame);

    /** Turns the panel dark. */
    void off();
}
