package org.inversiontable.hil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The far side of gpio-sim's lines, through sysfs: what the jig's wires are on a real Pi. Writing
 * {@code pull-down} to {@code sim_gpioN/pull} is a contact closed to ground (a closed NC contact, a
 * pressed button); {@code pull-up} is an open one. {@code sim_gpioN/value} is the level the line is
 * driven to, for an output, or its pull while nobody drives it.
 *
 * <p>Stateless apart from the directory; any thread may call it (each call is one sysfs read or write).
 */
final class GpioSim {
    private final Path chipDir;

    GpioSim(Path chipDir) {
        this.chipDir = chipDir;
    }

    /** Pulls line {@code offset} (BCM number) up (high) or down (low), as the outside world. */
    void pull(int offset, boolean high) {
        Path file = chipDir.resolve("sim_gpio" + offset).resolve("pull");
        try {
            Files.writeString(file, high ? "pull-up" : "pull-down", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The level of line {@code offset}: what an output drives, or the pull of a line nobody drives. */
    boolean high(int offset) {
        Path file = chipDir.resolve("sim_gpio" + offset).resolve("value");
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim().equals("1");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
