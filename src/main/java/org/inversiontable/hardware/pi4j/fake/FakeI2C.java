package org.inversiontable.hardware.pi4j.fake;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CConfig;
import java.util.Objects;

/**
 * A Pi4J {@link I2C} handle on the fake bus. Every call is one bus transaction against the
 * device attached at (bus, address) at that moment; with none attached it fails as a NACK does.
 * Register reads are a write of the register number and a read joined by a repeated start, as
 * linuxfs does with I2C_RDWR; single bytes are returned unsigned, as linuxfs returns them.
 */
final class FakeI2C extends I2CBase<FakeI2CBus> {
    private final FakeI2CProvider devices;
    private final byte[] scratch = new byte[2];

    FakeI2C(FakeI2CProvider provider, I2CConfig config, FakeI2CBus bus) {
        super(provider, config, bus);
        this.devices = provider;
    }

    private FakeI2CDevice target() {
        if (!isOpen()) {
            throw new IOException("I2C " + id + " is closed");
        }
        FakeI2CDevice device = devices.device(bus(), device());
        if (device == null) {
            throw new IOException(String.format("no ACK from address 0x%02X on I2C bus %d", device(), bus()));
        }
        return device;
    }

    @Override
    public synchronized int read() {
        target().read(scratch, 0, 1);
        return scratch[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        target().read(buffer, offset, length);
        return length;
    }

    @Override
    public synchronized int write(byte b) {
        scratch[0] = b;
        target().write(scratch, 0, 1);
        return 1;
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        target().write(data, offset, length);
        return length;
    }

    @Override
    public synchronized int readRegister(int register) {
        scratch[0] = (byte) register;
        target().writeRead(scratch, 0, 1, scratch, 1, 1);
        return scratch[1] & 0xFF;
    }

    @Override
    public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        target().writeRead(register, 0, register.length, buffer, offset, length);
        return length;
    }

    @Override
    public synchronized int readRegister(int register, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        scratch[0] = (byte) register;
        target().writeRead(scratch, 0, 1, buffer, offset, length);
        return length;
    }

    @Override
    public synchronized int writeRegister(int register, byte b) {
        scratch[0] = (byte) register;
        scratch[1] = b;
        target().write(scratch, 0, 2);
        return 1;
    }

    @Override
    public int writeRegister(int register, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        byte[] frame = new byte[length + 1];
        frame[0] = (byte) register;
        System.arraycopy(data, offset, frame, 1, length);
        target().write(frame, 0, frame.length);
        return length;
    }

    @Override
    public int writeRegister(byte[] register, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        byte[] frame = new byte[register.length + length];
        System.arraycopy(register, 0, frame, 0, register.length);
        System.arraycopy(data, offset, frame, register.length, length);
        target().write(frame, 0, frame.length);
        return length;
    }
}
