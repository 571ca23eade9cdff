package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeMpu6050;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A brown-out, a slow bus and the MPU-6500's own filter register, against the fake chip. */
class Mpu6050RobustnessTest {
    private static final long TICK_NANOS = 10_000_000L;

    private final FakeMpu6050 chip = new FakeMpu6050();
    private final FakeI2CProvider provider = new FakeI2CProvider().attach(1, 0x68, chip);
    private final Context ctx = Pi4jContexts.simulated(provider);
    private final ManualClock clock = new ManualClock(0L);

    @AfterEach
    void shutDown() {
        ctx.shutdown();
    }

    private Mpu6050 initialized() {
        I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("imu").bus(1).device(0x68));
        Mpu6050 imu = new Mpu6050(i2c, ImuMounting.DEFAULT, ImuCalibration.NONE, clock);
        imu.init();
        return imu;
    }

    private TiltReading tick(Mpu6050 imu, double angleDeg) {
        clock.advanceNanos(TICK_NANOS);
        double[] g = ImuMounting.DEFAULT.accelerationG(angleDeg);
        chip.setAccelerationG(g[0], g[1], g[2]);
        return imu.read();
    }

    @Test
    void aBrownOutThatPutsTheChipToSleepIsFoundAndTheChipSetUpAgain() {
        Mpu6050 imu = initialized();
        assertTrue(tick(imu, 10.0).isFresh());
        chip.brownOut();
        assertTrue(chip.sleeping());
        int missing = 0;
        TiltReading r = tick(imu, 10.0);
        while (!r.isFresh()) {
            assertTrue(Double.isNaN(r.angleDeg()), "a missing sample must never read as a number");
            missing++;
            assertTrue(missing <= Mpu6050.NO_SAMPLE_READS_BEFORE_CHECK, "still no sample after " + missing + " reads");
            r = tick(imu, 10.0);
        }
        assertEquals(10.0, r.angleDeg(), 0.05);
        assertEquals(1, imu.reinitialisations());
        assertEquals(Mpu6050.CONFIG_DLPF_10HZ, chip.peek(Mpu6050.CONFIG));
        assertEquals(0x01, chip.peek(Mpu6050.PWR_MGMT_1));
    }

    @Test
    void aResetThatLeavesTheChipAwakeButUnconfiguredIsFoundWithinASecond() {
        // An MPU-6500 resets awake: it goes on sampling with the reset filter (260 Hz) unless checked.
        Mpu6050 imu = initialized();
        tick(imu, 0.0);
        chip.brownOut();
        chip.write(new byte[] {(byte) Mpu6050.PWR_MGMT_1, 0x01}, 0, 2);
        assertEquals(0, chip.peek(Mpu6050.CONFIG));
        int ticks = 0;
        while (imu.reinitialisations() == 0) {
            tick(imu, 0.0);
            ticks++;
            assertTrue(ticks <= Mpu6050.CHECK_EVERY_READS, "not found after " + ticks + " reads");
        }
        assertEquals(Mpu6050.CONFIG_DLPF_10HZ, chip.peek(Mpu6050.CONFIG));
        assertTrue(tick(imu, 0.0).isFresh());
    }

    @Test
    void aReadThatTakesLongerThanItsBoundIsABusError() {
        Mpu6050 imu = initialized();
        assertTrue(tick(imu, 5.0).isFresh());
        chip.onTransfer(() -> clock.advanceNanos(Mpu6050.MAX_READ_NANOS + 1_000_000L));
        assertSame(TiltReading.BUS_ERROR, tick(imu, 6.0));
        assertEquals(1, imu.slowReads());
        chip.onTransfer(() -> clock.advanceNanos(1_000_000L));   // 1 ms: a 100 kHz bus, fine
        assertEquals(7.0, tick(imu, 7.0).angleDeg(), 0.05);
        assertEquals(1, imu.slowReads());
    }

    @Test
    void theMpu6500GetsItsAccelerometerFilterToo() {
        chip.setWhoAmI(0x70);
        initialized();
        assertEquals(Mpu6050.ACCEL_CONFIG_2_DLPF_10HZ, chip.peek(Mpu6050.ACCEL_CONFIG_2));
        assertEquals(Mpu6050.GYRO_CONFIG_250DPS, chip.peek(Mpu6050.GYRO_CONFIG));
    }
}
