package org.inversiontable.hil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads back a sysfs PWM channel directory, the real one ({@link RealPiJig}) or the emulated Pi's
 * stand-in of plain files ({@link EmulatedPiJig}). sysfs takes each write(2) as the whole value; a plain file written at offset 0 keeps the
 * tail of a longer earlier value after the newline, so only the first line is the value.
 */
final class PwmStandIn {
    private PwmStandIn() {
    }

    /** The duty on the channel, 0..1; 0 while it is disabled or not exported. */
    static double dutyFraction(Path channelDir) {
        if (!Files.isDirectory(channelDir) || !"1".equals(firstLine(channelDir, "enable"))) {
            return 0.0;
        }
        long period = Long.parseLong(firstLine(channelDir, "period"));
        long duty = Long.parseLong(firstLine(channelDir, "duty_cycle"));
        return period <= 0 ? 0.0 : (double) duty / period;
    }

    static String firstLine(Path channelDir, String attribute) {
        Path file = channelDir.resolve(attribute);
        try {
            String text = Files.readString(file);
            int newline = text.indexOf('\n');
            return (newline < 0 ? text : text.substring(0, newline)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PWM back from " + file, e);
        }
    }
}
