package org.inversiontable.hardware.pi4j.fake;

/**
 * A device on the fake I2C bus, seen at the level of bus transactions. Each method is one
 * transaction; a device that does not answer throws a Pi4J {@code IOException}, as the real
 * linuxfs provider does on a NACK.
 */
public interface FakeI2CDevice {
    /** One write transaction: the bytes after the address byte. */
    void write(byte[] data, int offset, int length);

    /** One read transaction: fills {@code length} bytes. */
    void read(byte[] buffer, int offset, int length);

    /** A write then a read joined by a repeated start (I2C_RDWR), atomic for the device. */
    void writeRead(byte[] data, int dataOffset, int dataLength, byte[] buffer, int bufferOffset, int bufferLength);
}
