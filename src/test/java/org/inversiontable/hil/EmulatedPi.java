package org.inversiontable.hil;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.inversiontable.runtime.TimeScale;

/**
 * The emulated Raspberry Pi this JVM runs in (hardware/emulated-pi), as its guest script described
 * it in a properties file named by {@code -Dhil.emulated-pi=FILE}: where gpio-sim's lines are in
 * sysfs, the i2c-stub's bus, the PWM stand-in's root, and the declared time scale.
 *
 * @param gpioSimDir the gpio-sim chip's sysfs directory, holding {@code sim_gpioN/{pull,value}}
 * @param i2cBus     the bus number of the i2c-stub that holds the MPU-6050's registers at 0x68
 * @param pwmRoot    the PWM class directory (plain files laid out as sysfs's, mounted over /sys/class/pwm)
 * @param timeScale  how many times slower the table's time runs in this guest
 */
record EmulatedPi(Path gpioSimDir, int i2cBus, Path pwmRoot, TimeScale timeScale) {
    static final String PROPERTY = "hil.emulated-pi";

    /** The emulated Pi this JVM was started in, or empty on any other machine. */
    static Optional<EmulatedPi> fromSystemProperty() {
        String file = System.getProperty(PROPERTY);
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(load(Path.of(file)));
    }

    static EmulatedPi load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emulated Pi's description " + file, e);
        }
        return new EmulatedPi(Path.of(required(p, "gpio.sim.dir", file)), Integer.parseInt(required(p, "i2c.bus", file)),
                Path.of(required(p, "pwm.root", file)), TimeScale.of(Integer.parseInt(p.getProperty("time.scale", "1"))));
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no " + key);
        }
        return value.trim();
    }
}
