package org.inversiontable.hardware.pi4j.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;
import org.inversiontable.hardware.pi4j.Pi4jContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake chip's register semantics, seen through Pi4J's I2C interface. */
class FakeMpu6050Test {
    private final FakeMpu6050 chip = new FakeMpu6050();
    private final Context ctx = Pi4jContexts.simulated(new FakeI2CProvider().attach(1, 0x68, chip));
    private final I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("chip").bus(1).device(0x68));

    @AfterEach
    void shutDown() {
        ctx.shutdown();
    }

    @Test
    void resetStateIsAsleepWithItsIdentity() {
        assertEquals(0x68, i2c.readRegister(0x75));
        assertEquals(0x40, i2c.readRegister(0x6B));
        assertTrue(chip.sleeping());
    }

    @Test
    void burstReadAutoIncrementsAndReturnsBigEndianWords() {
        i2c.writeRegister(0x6B, (byte) 0x00);
        chip.setAccelerationG(-1.0, 0.5, 1.0);
        byte[] burst = new byte[7];
        assertEquals(7, i2c.readRegister(0x3A, burst, 0, 7));
        assertEquals(1, burst[0] & 1);
        assertEquals(-16384, (short) (((burst[1] & 0xFF) << 8) | (burst[2] & 0xFF)));
        assertEquals(8192, (short) (((burst[3] & 0xFF) << 8) | (burst[4] & 0xFF)));
        assertEquals(16384, (short) (((burst[5] & 0xFF) << 8) | (burst[6] & 0xFF)));
    }

    @Test
    void singleByteReadsAreUnsigned() {
        i2c.writeRegister(0x6B, (byte) 0x00);
        chip.setAccelerationG(-1.0, 0, 0);
        assertEquals(0xC0, i2c.readRegister(0x3B), "high byte of -16384 as 0..255");
    }

    @Test
    void readingIntStatusClearsDataReady() {
        i2c.writeRegister(0x6B, (byte) 0x00);
        chip.setAccelerationG(0, 0, 1);
        assertEquals(1, chip.peek(0x3A) & 1);
        assertEquals(1, i2c.readRegister(0x3A) & 1);
        assertEquals(0, i2c.readRegister(0x3A) & 1);
    }

    @Test
    void identityAndDataRegistersAreReadOnly() {
        i2c.writeRegister(0x75, (byte) 0x12);
        i2c.writeRegister(0x3B, (byte) 0x12);
        assertEquals(0x68, chip.peek(0x75));
        assertEquals(0, chip.peek(0x3B));
    }

    @Test
    void deviceResetRestoresSleepAndClearsConfiguration() {
        i2c.writeRegister(0x6B, (byte) 0x01);
        i2c.writeRegister(0x1C, (byte) 0x18);
        i2c.writeRegister(0x6B, (byte) 0x80);
        assertTrue(chip.sleeping());
        assertEquals(0, chip.peek(0x1C));
    }

    @Test
    void rangeFollowsAccelConfigAndSaturates() {
        i2c.writeRegister(0x6B, (byte) 0x00);
        i2c.writeRegister(0x1C, (byte) (3 << 3));
        chip.setAccelerationG(1.0, 100.0, -100.0);
        assertEquals(2048, (short) ((chip.peek(0x3B) << 8) | chip.peek(0x3C)));
        assertEquals(32767, (short) ((chip.peek(0x3D) << 8) | chip.peek(0x3E)));
        assertEquals(-32767, (short) ((chip.peek(0x3F) << 8) | chip.peek(0x40)));
    }

    @Test
    void disconnectedChipFailsEveryTransferWithAPi4jIoException() {
        chip.setDisconnected(true);
        assertThrows(IOException.class, () -> i2c.readRegister(0x75));
        assertThrows(IOException.class, () -> i2c.writeRegister(0x6B, (byte) 0));
        assertThrows(IOException.class, () -> i2c.read(new byte[2], 0, 2));
        chip.setDisconnected(false);
        assertEquals(0x68, i2c.readRegister(0x75));
    }

    @Test
    void unknownAddressIsNacked() {
        I2C nobody = ctx.create(I2C.newConfigBuilder(ctx).id("nobody").bus(1).device(0x50));
        IOException e = assertThrows(IOException.class, () -> nobody.readRegister(0));
        assertTrue(e.getMessage().contains("0x50"), e.getMessage());
    }

    @Test
    void sleepingChipTakesNoSample() {
        chip.setAccelerationG(0, 0, 1);
        assertEquals(0, chip.samples());
        assertFalse((chip.peek(0x3A) & 1) != 0);
    }

    @Test
    void theGyroIsSampledWithTheAccelerometerInItsFullScaleRange() {
        i2c.writeRegister(0x6B, (byte) 0x00);
        chip.setMotion(0, 0, 1, 5.0, -250.0, 1000.0);
        byte[] gyro = new byte[6];
        i2c.readRegister(0x43, gyro, 0, 6);
        assertEquals(655, (short) (((gyro[0] & 0xFF) << 8) | (gyro[1] & 0xFF)), "131 LSB per deg/s at ±250");
        assertEquals(-32750, (short) (((gyro[2] & 0xFF) << 8) | (gyro[3] & 0xFF)));
        assertEquals(32767, (short) (((gyro[4] & 0xFF) << 8) | (gyro[5] & 0xFF)), "saturated");
        i2c.writeRegister(0x1B, (byte) 0x08);   // FS_SEL 1: ±500 deg/s, 65.5 LSB per deg/s
        chip.setMotion(0, 0, 1, 5.0, 0, 0);
        i2c.readRegister(0x43, gyro, 0, 2);
        assertEquals(328, (short) (((gyro[0] & 0xFF) << 8) | (gyro[1] & 0xFF)));
    }

    @Test
    void aBrownOutPutsEveryRegisterBackToItsResetValue() {
        i2c.writeRegister(0x6B, (byte) 0x01);
        i2c.writeRegister(0x1A, (byte) 0x05);
        chip.brownOut();
        assertEquals(0x40, i2c.readRegister(0x6B));
        assertEquals(0x00, i2c.readRegister(0x1A));
        assertEquals(0x68, i2c.readRegister(0x75));
    }
}
