package org.inversiontable.display;

import java.util.Locale;
import org.inversiontable.hardware.PixelDisplay;

/**
 * Draws a {@link DisplayStatus} into the 128x64 one-bit frame of the table's display, laid out for
 * someone lying inverted about a metre away: the angle large, the time left as a number and as a
 * bar across the whole width, the state and, below it, the fault in words (or, with no fault, the
 * profile and its level).
 *
 * <pre>
 *  y  0..20  -23°               2:35      angle at 3x (whole degrees), time left at 2x
 *  y 24..30  [#############.........]     the share of the inverted time left
 *  y 34..47  HOLDING                      the state at 2x
 *  y 50..63  IMU STALE  or  ANNA  L3      the fault, else the profile and level, at 2x
 * </pre>
 *
 * <p>Whole degrees, because a tenth is below the sensor's 1 deg accuracy (SPEC §3) and would only
 * flicker; a missing sample shows {@code --}, never a number. Text that does not fit is shortened,
 * never wrapped. Pure: no I/O, no clock, no AWT.
 *
 * <pre>{@code
 * byte[] frame = DisplayRenderer.render(status);   // PixelDisplay.FRAME_BYTES, page layout
 * }</pre>
 */
public final class DisplayRenderer {
    static final int ANGLE_SCALE = 3;
    static final int TEXT_SCALE = 2;
    static final int ANGLE_Y = 0;
    static final int TIME_Y = ANGLE_Y + BitmapFont.heightPx(ANGLE_SCALE) - BitmapFont.heightPx(TEXT_SCALE);
    static final int BAR_Y = 24;
    static final int BAR_HEIGHT_PX = 7;
    static final int STATE_Y = 34;
    static final int BOTTOM_Y = PixelDisplay.HEIGHT_PX - BitmapFont.heightPx(TEXT_SCALE);
    static final String NO_ANGLE = "--";
    static final String NO_DATA = "NO DATA";
    /** Between the profile's name and its level. */
    private static final String LEVEL_SEPARATOR = "  L";
    private static final int MAX_WIDTH_PX = PixelDisplay.WIDTH_PX;

    private DisplayRenderer() {
    }

    /** The picture of {@code status}, in page layout. */
    public static byte[] render(DisplayStatus status) {
        return draw(status).bytes();
    }

    /**
     * The picture when the control thread has published nothing recent: no number that could be
     * taken for the table's angle.
     */
    public static byte[] renderNoData() {
        MonoFrame f = new MonoFrame();
        BitmapFont.draw(f, 0, ANGLE_Y, NO_ANGLE, ANGLE_SCALE);
        BitmapFont.draw(f, 0, STATE_Y, NO_DATA, TEXT_SCALE);
        return f.bytes();
    }

    /** The frame itself, for tests that check what was clipped. */
    static MonoFrame draw(DisplayStatus s) {
        MonoFrame f = new MonoFrame();
        String time = timeText(s.secondsLeft());
        int timeWidthPx = BitmapFont.widthPx(time, TEXT_SCALE);
        BitmapFont.draw(f, MAX_WIDTH_PX - timeWidthPx, TIME_Y, time, TEXT_SCALE);
        String angle = BitmapFont.fit(angleText(s.angleMeasDeg()), ANGLE_SCALE, MAX_WIDTH_PX - timeWidthPx - 4);
        BitmapFont.draw(f, 0, ANGLE_Y, angle, ANGLE_SCALE);
        bar(f, s.shareLeft());
        BitmapFont.draw(f, 0, STATE_Y, BitmapFont.fit(DisplayWords.state(s.state()), TEXT_SCALE, MAX_WIDTH_PX),
                TEXT_SCALE);
        BitmapFont.draw(f, 0, BOTTOM_Y, bottomLine(s), TEXT_SCALE);
        return f;
    }

    /** {@code "-23°"}: whole degrees, the sign only when negative; {@code "--"} without a sample. */
    static String angleText(double angleDeg) {
        if (Double.isNaN(angleDeg)) {
            return NO_ANGLE;
        }
        long whole = Math.round(angleDeg);
        return whole + "\u00b0";
    }

    /**
     * {@code "2:35"}: minutes and seconds left, rounded up, so that 0:00 shows only when the time is
     * up and a second begun still counts.
     */
    static String timeText(double secondsLeft) {
        long s = (long) Math.ceil(Math.max(0.0, secondsLeft));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The fault in words when there is one; otherwise the profile and its level, the name shortened to fit. */
    static String bottomLine(DisplayStatus s) {
        if (s.fault() != null) {
            return BitmapFont.fit(DisplayWords.fault(s.fault()), TEXT_SCALE, MAX_WIDTH_PX);
        }
        if (s.profileName() == null) {
            return "";
        }
        String level = s.levelIndex() == DisplayStatus.NO_LEVEL ? "" : LEVEL_SEPARATOR + s.levelIndex();
        String name = BitmapFont.fit(s.profileName(), TEXT_SCALE,
                MAX_WIDTH_PX - BitmapFont.widthPx(level, TEXT_SCALE) - BitmapFont.GAP * TEXT_SCALE);
        return BitmapFont.fit(name + level, TEXT_SCALE, MAX_WIDTH_PX);
    }

    /** An outlined bar across the width, filled for the share left. */
    private static void bar(MonoFrame f, double shareLeft) {
        f.outline(0, BAR_Y, MAX_WIDTH_PX, BAR_HEIGHT_PX);
        int innerWidthPx = MAX_WIDTH_PX - 4;
        int filledPx = (int) Math.round(shareLeft * innerWidthPx);
        f.fill(2, BAR_Y + 2, filledPx, BAR_HEIGHT_PX - 4);
    }
}
