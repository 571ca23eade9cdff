package org.inversiontable.display;

import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;

/**
 * The display's configuration (SPEC §13), read once from the {@code display*} keys.
 *
 * @param enabled   {@code display = on}: {@code run} drives a display (the simulator always has one)
 * @param bus       the I2C bus it is on
 * @param address   its 7-bit I2C address (0x3C or 0x3D)
 * @param busKhz    the bus's clock, which sets the size of one transfer
 * @param refreshHz pictures per second
 */
public record DisplaySettings(boolean enabled, int bus, int address, int busKhz, int refreshHz) {
    public DisplaySettings {
        if (refreshHz < 1 || refreshHz > 20) {
            throw new IllegalArgumentException("refreshHz must be 1..20, was " + refreshHz);
        }
    }

    public static DisplaySettings from(Config config) {
        return new DisplaySettings("on".equals(config.text(ConfigKey.DISPLAY)), config.integer(ConfigKey.DISPLAY_I2C_BUS),
                config.integer(ConfigKey.DISPLAY_I2C_ADDRESS), Integer.parseInt(config.text(ConfigKey.DISPLAY_I2C_KHZ)),
                config.integer(ConfigKey.DISPLAY_REFRESH_HZ));
    }

    /** The time between two pictures. */
    public long periodNanos() {
        return 1_000_000_000L / refreshHz;
    }
}
