package org.inversiontable.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inversiontable.control.TableState;
import org.inversiontable.hardware.PixelDisplay;
import org.inversiontable.safety.FaultCode;
import org.junit.jupiter.api.Test;

/** SPEC §13, what the user sees: each element where the layout puts it, at its size, never off the frame. */
class DisplayRendererTest {
    private static DisplayStatus holding(double angleDeg, double invertedS) {
        return new DisplayStatus(angleDeg, invertedS, 180, TableState.HOLDING, null, "ANNA", 3);
    }

    /** The frame shows {@code text} at (x, y): every pixel of its box is as the font alone draws it. */
    private static void assertShows(byte[] frame, int x, int y, String text, int scale) {
        MonoFrame expected = new MonoFrame();
        BitmapFont.draw(expected, x, y, text, scale);
        MonoFrame actual = frameOf(frame);
        int width = BitmapFont.widthPx(text, scale);
        for (int dy = 0; dy < BitmapFont.heightPx(scale); dy++) {
            for (int dx = 0; dx < width; dx++) {
                assertEquals(expected.lit(x + dx, y + dy), actual.lit(x + dx, y + dy),
                        "'" + text + "' at (" + x + ", " + y + "): pixel (" + (x + dx) + ", " + (y + dy) + ")");
            }
        }
    }

    private static MonoFrame frameOf(byte[] bytes) {
        MonoFrame f = new MonoFrame();
        for (int y = 0; y < PixelDisplay.HEIGHT_PX; y++) {
            for (int x = 0; x < PixelDisplay.WIDTH_PX; x++) {
                if ((bytes[(y >> 3) * PixelDisplay.WIDTH_PX + x] >> (y & 7) & 1) != 0) {
                    f.set(x, y);
                }
            }
        }
        return f;
    }

    private static int rightAligned(String text, int scale) {
        return PixelDisplay.WIDTH_PX - BitmapFont.widthPx(text, scale);
    }

    @Test
    void theAngleIsLargeInWholeDegreesAtTheTopLeft() {
        byte[] frame = DisplayRenderer.render(holding(29.6, 75));
        assertShows(frame, 0, 0, "30\u00b0", 3);
        assertEquals(21, BitmapFont.heightPx(DisplayRenderer.ANGLE_SCALE), "the angle is 21 px high, 3x the font");
    }

    @Test
    void aNegativeAngleShowsItsSignAndAPositiveOneNone() {
        assertEquals("-23\u00b0", DisplayRenderer.angleText(-23.4));
        assertEquals("23\u00b0", DisplayRenderer.angleText(23.4));
        assertEquals("0\u00b0", DisplayRenderer.angleText(-0.4), "no minus sign on a rounded zero");
        assertShows(DisplayRenderer.render(holding(-65, 0)), 0, 0, "-65\u00b0", 3);
    }

    @Test
    void noValidSampleShowsTwoDashesNeverANumber() {
        DisplayStatus s = new DisplayStatus(Double.NaN, 10, 180, TableState.FAULT, FaultCode.IMU_STALE, null, -1);
        byte[] frame = DisplayRenderer.render(s);
        assertShows(frame, 0, 0, "--", 3);
        assertEquals("--", DisplayRenderer.angleText(Double.NaN));
    }

    @Test
    void theTimeLeftIsMinutesAndSecondsAtTheTopRightRoundedUp() {
        assertEquals("1:45", DisplayRenderer.timeText(105));
        assertEquals("2:35", DisplayRenderer.timeText(154.2));
        assertEquals("0:00", DisplayRenderer.timeText(0));
        assertEquals("15:00", DisplayRenderer.timeText(900));
        byte[] frame = DisplayRenderer.render(holding(30, 75));
        assertShows(frame, rightAligned("1:45", 2), DisplayRenderer.TIME_Y, "1:45", 2);
    }

    @Test
    void timeLeftIsNeverNegative() {
        DisplayStatus over = new DisplayStatus(10, 200, 180, TableState.RETURNING, null, null, -1);
        assertEquals(0.0, over.secondsLeft());
        assertShows(DisplayRenderer.render(over), rightAligned("0:00", 2), DisplayRenderer.TIME_Y, "0:00", 2);
    }

    @Test
    void theBarIsFilledForTheShareLeft() {
        int inner = PixelDisplay.WIDTH_PX - 4;
        for (double inverted : new double[] {0, 45, 90, 135, 180, 400}) {
            MonoFrame f = frameOf(DisplayRenderer.render(holding(20, inverted)));
            int y = DisplayRenderer.BAR_Y + DisplayRenderer.BAR_HEIGHT_PX / 2;
            int filled = 0;
            for (int x = 2; x < PixelDisplay.WIDTH_PX - 2; x++) {
                filled += f.lit(x, y) ? 1 : 0;
            }
            assertEquals(Math.round(Math.max(0, 180 - inverted) / 180 * inner), filled, "inverted " + inverted);
            assertTrue(f.lit(0, y) && f.lit(PixelDisplay.WIDTH_PX - 1, y), "the outline shows the whole length");
        }
    }

    @Test
    void theStateIsInWords() {
        for (TableState state : TableState.values()) {
            byte[] frame = DisplayRenderer.render(new DisplayStatus(0, 0, 180, state, null, null, -1));
            assertShows(frame, 0, DisplayRenderer.STATE_Y, DisplayWords.state(state), 2);
        }
        assertEquals("LIMP HOME", DisplayWords.state(TableState.LIMP_HOME));
        assertEquals("E-STOP", DisplayWords.state(TableState.ESTOP));
    }

    @Test
    void theProfileAndItsLevelAreOnTheBottomLine() {
        assertShows(DisplayRenderer.render(holding(30, 75)), 0, DisplayRenderer.BOTTOM_Y, "ANNA  L3", 2);
        DisplayStatus noProgression = new DisplayStatus(30, 75, 180, TableState.HOLDING, null, "anna", -1);
        assertEquals("ANNA", DisplayRenderer.bottomLine(noProgression), "lower case drawn as capitals, no level");
        DisplayStatus noProfile = new DisplayStatus(30, 75, 180, TableState.HOLDING, null, null, -1);
        assertEquals("", DisplayRenderer.bottomLine(noProfile));
    }

    @Test
    void aLongProfileNameIsShortenedAndItsLevelKept() {
        DisplayStatus s = new DisplayStatus(30, 75, 180, TableState.HOLDING, null, "Maximiliana-Theodora", 12);
        String line = DisplayRenderer.bottomLine(s);
        assertTrue(line.endsWith("  L12"), line);
        assertTrue(line.startsWith("MAXIM"), line);
        assertTrue(BitmapFont.widthPx(line, 2) <= PixelDisplay.WIDTH_PX, line);
        assertEquals(0, DisplayRenderer.draw(s).clippedPixels());
    }

    @Test
    void aFaultIsShownInWordsInsteadOfTheProfile() {
        DisplayStatus s = new DisplayStatus(12, 30, 180, TableState.FAULT, FaultCode.IMU_STALE, "ANNA", 3);
        byte[] frame = DisplayRenderer.render(s);
        assertShows(frame, 0, DisplayRenderer.BOTTOM_Y, "IMU STALE", 2);
        assertShows(frame, 0, DisplayRenderer.STATE_Y, "FAULT", 2);
    }

    @Test
    void everyFaultCodeHasItsOwnWordsThatFitTheWidth() {
        List<String> seen = new ArrayList<>();
        for (FaultCode code : FaultCode.values()) {
            String words = DisplayWords.fault(code);
            assertTrue(BitmapFont.widthPx(words, DisplayRenderer.TEXT_SCALE) <= PixelDisplay.WIDTH_PX,
                    code + ": '" + words + "' is " + BitmapFont.widthPx(words, 2) + " px wide");
            assertEquals(words, BitmapFont.fit(words, DisplayRenderer.TEXT_SCALE, PixelDisplay.WIDTH_PX));
            for (char c : words.toCharArray()) {
                assertTrue(BitmapFont.has(c), code + ": no glyph for '" + c + "'");
            }
            assertFalse(seen.contains(words), code + " shares its words '" + words + "'");
            seen.add(words);
        }
    }

    @Test
    void everyStateWordFitsTheWidth() {
        for (TableState state : TableState.values()) {
            String words = DisplayWords.state(state);
            assertEquals(words, BitmapFont.fit(words, DisplayRenderer.TEXT_SCALE, PixelDisplay.WIDTH_PX), state.name());
        }
    }

    @Test
    void nothingIsDrawnOffTheFrameInAnyState() {
        double[] angles = {Double.NaN, -70, -65.4, -9.6, 0, 9.5, 45, 88, 90, -1000, 12345};
        for (TableState state : TableState.values()) {
            for (double angle : angles) {
                for (FaultCode fault : FaultCode.values()) {
                    DisplayStatus s = new DisplayStatus(angle, 0, 900, state, fault, "X", 0);
                    assertEquals(0, DisplayRenderer.draw(s).clippedPixels(), s.toString());
                }
                DisplayStatus longName = new DisplayStatus(angle, 1, 900, state, null,
                        "A profile name far too long for any display", 123456);
                assertEquals(0, DisplayRenderer.draw(longName).clippedPixels(), longName.toString());
            }
        }
    }

    @Test
    void aStaleStatusShowsNoDataAndNoAngle() {
        byte[] frame = DisplayRenderer.renderNoData();
        assertShows(frame, 0, 0, "--", 3);
        assertShows(frame, 0, DisplayRenderer.STATE_Y, "NO DATA", 2);
    }

    @Test
    void theFrameIsInThePageLayoutTheDriverSends() {
        MonoFrame f = new MonoFrame();
        f.set(5, 0);
        f.set(5, 9);
        f.set(127, 63);
        byte[] b = f.bytes();
        assertEquals(PixelDisplay.FRAME_BYTES, b.length);
        assertEquals(0x01, b[5]);
        assertEquals(0x02, b[128 + 5]);
        assertEquals((byte) 0x80, b[7 * 128 + 127]);
        f.set(128, 0);
        f.set(-1, 3);
        f.set(0, 64);
        assertEquals(3, f.clippedPixels());
        assertArrayEquals(b, f.bytes(), "a pixel off the frame changes nothing");
    }
}
