package org.inversiontable.hardware.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import org.inversiontable.hardware.PixelDisplay;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeSsd1306;

/**
 * The table's display (an {@link Ssd1306}) on a Pi4J context of its own that holds one I2C provider
 * and nothing else: linuxfs on the Pi, the register-level fake in the simulator. Its own context,
 * so that a display that cannot be opened, fails or is closed never touches the table's context and
 * its pins; on a shared bus the kernel's i2c-dev still serialises its transfers with the IMU's.
 *
 * <pre>{@code
 * try (Pi4jDisplay oled = Pi4jDisplay.onPi(1, 0x3C, 100)) {      // throws when the bus cannot be opened
 *     oled.init();
 *     oled.show(frame);
 * }                                                               // panel off, context shut down
 * }</pre>
 *
 * <p>Not thread-safe: the display thread alone drives it; {@link #close()} after that thread ended.
 */
public final class Pi4jDisplay implements PixelDisplay, AutoCloseable {
    public static final String ID = "display";

    private final Context context;
    private final Ssd1306 oled;
    private final String where;
    private boolean closed;

    private Pi4jDisplay(Context context, I2C i2c, int busKhz) {
        this.context = context;
        this.oled = new Ssd1306(i2c, busKhz);
        this.where = String.format("I2C bus %d address 0x%02X", i2c.bus(), i2c.device());
    }

    /**
     * On a Raspberry Pi, through linuxfs alone (no platform plugin is loaded, so nothing can fall back
     * to a no-op provider).
     *
     * @throws IllegalStateException naming the bus when it cannot be opened
     */
    public static Pi4jDisplay onPi(int bus, int address, int busKhz) {
        return open(LinuxFsI2CProvider.newInstance(), bus, address, busKhz,
                "Is the bus enabled (dtparam=i2c_arm=on, or dtoverlay=i2c-gpio for a second bus) and the user in the"
                        + " i2c group?");
    }

    /** In the simulator and the tests: {@code chip} at ({@code bus}, {@code address}) on the fake provider. */
    public static Pi4jDisplay simulated(FakeSsd1306 chip, int bus, int address, int busKhz) {
        return simulated(new FakeI2CProvider().attach(bus, address, chip), bus, address, busKhz);
    }

    /** On a fake provider with whatever is attached to it (nothing at the address: a display not wired). */
    public static Pi4jDisplay simulated(FakeI2CProvider provider, int bus, int address, int busKhz) {
        return open(provider, bus, address, busKhz, "");
    }

    private static Pi4jDisplay open(I2CProvider provider, int bus, int address, int busKhz, String hint) {
        // The bus speed is checked before anything is opened: a bad value is the configuration's fault.
        Ssd1306.dataBytesPerTransfer(busKhz);
        Context context = Pi4J.newContextBuilder().add(provider).build();
        try {
            I2C i2c = context.create(I2C.newConfigBuilder(context).id(ID).bus(bus).device(address));
            return new Pi4jDisplay(context, i2c, busKhz);
        } catch (RuntimeException e) {
            try {
                context.shutdown();
            } catch (RuntimeException shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw new IllegalStateException(String.format("Cannot open the display on I2C bus %d address 0x%02X: %s. %s",
                    bus, address, e.getMessage(), hint).strip(), e);
        }
    }

    @Override
    public void init() {
        oled.init();
    }

    @Override
    public void refresh() {
        oled.refresh();
    }

    @Override
    public void show(byte[] frame) {
        oled.show(frame);
    }

    @Override
    public void off() {
        oled.off();
    }

    /** Data bytes per transfer at the configured bus speed (see {@link Ssd1306}). */
    public int dataBytesPerTransfer() {
        return oled.dataBytesPerTransfer();
    }

    @Override
    public String toString() {
        return "SSD1306 display on " + where;
    }

    /** Shuts the display's context down (the panel keeps its picture: turn it {@link #off()} first). Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            context.shutdown();
        }
    }
}
