package org.inversiontable.hardware.pi4j.fake;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProviderBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Pi4J I2C provider whose buses carry register-level fake devices instead of Pi4J's mock
 * (whose registers are FIFOs, with no pointer and signed reads, which a real driver cannot use).
 * Depends only on pi4j-core, so the desktop simulator uses it at run time as well as the tests.
 *
 * <pre>{@code
 * FakeMpu6050 chip = new FakeMpu6050();
 * FakeI2CProvider i2c = new FakeI2CProvider().attach(1, 0x68, chip);
 * Context ctx = Pi4jContexts.simulated(i2c);
 * }</pre>
 *
 * <p>Opening a handle always succeeds, as with linuxfs; transfers to an address with no device
 * fail with a Pi4J {@code IOException} (a NACK).
 */
public final class FakeI2CProvider extends I2CProviderBase {
    public static final String ID = "fake-i2c";
    public static final String NAME = "Fake register-level I2C Provider";

    // bus -> address -> device; Integer keys below 128 come from the Integer cache, so a lookup
    // per transfer allocates nothing (SPEC §11: no allocation per tick).
    private final Map<Integer, Map<Integer, FakeI2CDevice>> devices = new ConcurrentHashMap<>();
    private final Map<Integer, FakeI2CBus> buses = new ConcurrentHashMap<>();

    public FakeI2CProvider() {
        super(ID, NAME);
    }

    /** Puts a device on the bus; returns this for chaining. */
    public FakeI2CProvider attach(int bus, int address, FakeI2CDevice device) {
        if (device == null) {
            throw new IllegalArgumentException("device must not be null");
        }
        if (address < 0 || address > 0x7F) {
            throw new IllegalArgumentException("address must be a 7-bit I2C address, was " + address);
        }
        devices.computeIfAbsent(bus, b -> new ConcurrentHashMap<>()).put(address, device);
        return this;
    }

    /** Removes a device: it then NACKs like an unplugged chip. */
    public void detach(int bus, int address) {
        Map<Integer, FakeI2CDevice> onBus = devices.get(bus);
        if (onBus != null) {
            onBus.remove(address);
        }
    }

    /** The device at (bus, address), or null when none answers there. */
    FakeI2CDevice device(int bus, int address) {
        Map<Integer, FakeI2CDevice> onBus = devices.get(bus);
        return onBus == null ? null : onBus.get(address);
    }

    @Override
    public I2C create(I2CConfig config) {
        FakeI2CBus bus = buses.computeIfAbsent(config.getBus(), number -> new FakeI2CBus(config));
        FakeI2C i2c = new FakeI2C(this, config, bus);
        this.context.registry().add(i2c);
        return i2c;
    }
}
