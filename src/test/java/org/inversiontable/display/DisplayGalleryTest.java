package org.inversiontable.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.inversiontable.control.TableState;
import org.inversiontable.hardware.PixelDisplay;
import org.inversiontable.safety.FaultCode;
import org.junit.jupiter.api.Test;

/**
 * The pictures in README.md's "The display": a set of states rendered as the OLED shows them, 4x,
 * compared pixel for pixel with the PNGs committed under {@code docs/display/}. After a deliberate
 * change of the picture, rewrite them with
 * {@code mvn -B -q test -Dtest=DisplayGalleryTest -Ddisplay.gallery.update=true} and look at them.
 */
class DisplayGalleryTest {
    static final Path DIR = Path.of("docs", "display");
    static final int SCALE = 4;
    static final int LIT_RGB = 0xA8E6FF;
    static final int DARK_RGB = 0x06090C;
    private static final String PROFILE = "ANNA";
    private static final int LEVEL = 3;
    private static final double LIMIT_S = 180;

    /** The gallery: file name (without .png) and the status shown. */
    static Map<String, DisplayStatus> states() {
        Map<String, DisplayStatus> s = new LinkedHashMap<>();
        s.put("idle-at-home", status(-65, 0, TableState.IDLE, null));
        s.put("moving-down-18", status(18.2, 14, TableState.MOVING, null));
        s.put("holding-30-1m45-left", status(30, LIMIT_S - 105, TableState.HOLDING, null));
        s.put("returning-0m20-left", status(21.7, LIMIT_S - 20, TableState.RETURNING, null));
        s.put("estop", status(24, 96, TableState.ESTOP, null));
        s.put("fault-imu-stale", status(Double.NaN, 101, TableState.FAULT, FaultCode.IMU_STALE));
        s.put("limp-home", status(11.4, 130, TableState.LIMP_HOME, FaultCode.MOTION_STALL));
        return s;
    }

    private static DisplayStatus status(double angleDeg, double invertedS, TableState state, FaultCode fault) {
        return new DisplayStatus(angleDeg, invertedS, LIMIT_S, state, fault, PROFILE, LEVEL);
    }

    /** The frame as the panel shows it up close: each pixel a square with a dark seam. */
    static BufferedImage image(byte[] frame) {
        BufferedImage image = new BufferedImage(PixelDisplay.WIDTH_PX * SCALE, PixelDisplay.HEIGHT_PX * SCALE,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int px = x / SCALE;
                int py = y / SCALE;
                boolean seam = x % SCALE == SCALE - 1 || y % SCALE == SCALE - 1;
                boolean lit = (frame[(py >> 3) * PixelDisplay.WIDTH_PX + px] >> (py & 7) & 1) != 0;
                image.setRGB(x, y, lit && !seam ? LIT_RGB : DARK_RGB);
            }
        }
        return image;
    }

    @Test
    void theGalleryMatchesTheCommittedPictures() throws IOException {
        boolean update = Boolean.getBoolean("display.gallery.update");
        List<String> different = new ArrayList<>();
        for (Map.Entry<String, DisplayStatus> e : states().entrySet()) {
            Path png = DIR.resolve(e.getKey() + ".png");
            BufferedImage rendered = image(DisplayRenderer.render(e.getValue()));
            if (update) {
                Files.createDirectories(DIR);
                assertTrue(ImageIO.write(rendered, "png", png.toFile()), "no PNG writer");
                continue;
            }
            if (!Files.exists(png) || !samePixels(rendered, ImageIO.read(png.toFile()))) {
                different.add(png.toString());
            }
        }
        assertEquals(List.of(), different, "the display's picture changed; if that was meant, rewrite the gallery with"
                + " -Ddisplay.gallery.update=true and check the images");
    }

    @Test
    void theGalleryShowsEveryElementTheSpecAsksFor() {
        Map<String, DisplayStatus> s = states();
        assertEquals("1:45", DisplayRenderer.timeText(s.get("holding-30-1m45-left").secondsLeft()));
        assertEquals("0:20", DisplayRenderer.timeText(s.get("returning-0m20-left").secondsLeft()));
        assertEquals("18\u00b0", DisplayRenderer.angleText(s.get("moving-down-18").angleMeasDeg()));
        assertEquals("IMU STALE", DisplayRenderer.bottomLine(s.get("fault-imu-stale")));
        assertEquals("ANNA  L3", DisplayRenderer.bottomLine(s.get("idle-at-home")));
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (b == null || a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }
}
