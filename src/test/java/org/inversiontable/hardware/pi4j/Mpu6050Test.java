package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeMpu6050;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real driver against the register-level fake, through a Pi4J context. */
class Mpu6050Test {
    private static final double[] ANGLES_DEG = {-70, -65, -30, 0, 20, 45, 90};
    private static final int BUS = 1;
    private static final int ADDRESS = 0x68;

    private final FakeMpu6050 chip = new FakeMpu6050();
    private final FakeI2CProvider provider = new FakeI2CProvider().attach(BUS, ADDRESS, chip);
    private final Context ctx = Pi4jContexts.simulated(provider);
    private final ManualClock clock = new ManualClock(0L);

    @AfterEach
    void shutDown() {
        ctx.shutdown();
    }

    private Mpu6050 driver(ImuMounting mounting, int address) {
        I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("imu-" + address).bus(BUS).device(address));
        return new Mpu6050(i2c, mounting, ImuCalibration.NONE, clock);
    }

    private Mpu6050 initialized(ImuMounting mounting) {
        Mpu6050 imu = driver(mounting, ADDRESS);
        imu.init();
        return imu;
    }

    private void tiltChipTo(double angleDeg, ImuMounting mounting) {
        double[] g = mounting.accelerationG(angleDeg);
        chip.setAccelerationG(g[0], g[1], g[2]);
    }

    @ParameterizedTest(name = "range {0} g")
    @ValueSource(ints = {2, 4, 8, 16})
    void readsTheAngleWithinFiveHundredthsOfADegreeInEveryRange(int rangeG) {
        ImuMounting mounting = new ImuMounting(Axis.X, Axis.Z, 0.0, rangeG);
        Mpu6050 imu = initialized(mounting);
        assertEquals(Mpu6050.afsSel(rangeG) << 3, chip.peek(Mpu6050.ACCEL_CONFIG));
        for (double angle : ANGLES_DEG) {
            tiltChipTo(angle, mounting);
            TiltReading r = imu.read();
            assertTrue(r.isFresh(), "angle " + angle);
            assertEquals(angle, r.angleDeg(), 0.05, "angle " + angle + " at " + rangeG + " g");
            assertEquals(1.0, r.gravityG(), 0.002);
        }
    }

    @Test
    void remappedAxesReversedSignAndOffsetStillReadTheTrueAngle() {
        ImuMounting mounting = new ImuMounting(Axis.MINUS_Y, Axis.X, 2.5, 4);
        Mpu6050 imu = initialized(mounting);
        for (double angle : ANGLES_DEG) {
            tiltChipTo(angle, mounting);
            assertEquals(angle, imu.read().angleDeg(), 0.05, "angle " + angle);
        }
    }

    @Test
    void angleConventionHeadDownIsPositive() {
        ImuMounting mounting = ImuMounting.DEFAULT;
        Mpu6050 imu = initialized(mounting);
        double theta = Math.toRadians(30);
        // Head down by 30 deg: along-the-bed axis (toward the head) sees -sin, the normal cos.
        chip.setAccelerationG(-Math.sin(theta), 0, Math.cos(theta));
        assertEquals(30.0, imu.read().angleDeg(), 0.05);
        chip.setAccelerationG(0, 0, 1);
        assertEquals(0.0, imu.read().angleDeg(), 0.05);
    }

    @Test
    void gravityIsTheMagnitudeOverAllThreeAxes() {
        Mpu6050 imu = initialized(new ImuMounting(Axis.X, Axis.Z, 0.0, 4));
        chip.setAccelerationG(0.3, 0.4, 1.2);
        assertEquals(Math.sqrt(0.09 + 0.16 + 1.44), imu.read().gravityG(), 0.001);
    }

    @Test
    void initConfiguresWakeSampleRateFilterGyroAndDataReady() {
        Mpu6050 imu = initialized(ImuMounting.DEFAULT);
        assertEquals(0x68, imu.whoAmI());
        assertEquals(0x01, chip.peek(Mpu6050.PWR_MGMT_1), "awake, PLL X gyro clock");
        assertEquals(4, chip.peek(Mpu6050.SMPLRT_DIV), "1 kHz / (1 + 4) = 200 Hz");
        assertEquals(5, chip.peek(Mpu6050.CONFIG), "DLPF 10 Hz: well below the 50 Hz Nyquist rate of the 100 Hz loop");
        assertEquals(0, chip.peek(Mpu6050.GYRO_CONFIG), "gyro ±250 deg/s");
        assertEquals(0x01, chip.peek(Mpu6050.INT_ENABLE), "DATA_RDY_EN");
    }

    @ParameterizedTest(name = "WHO_AM_I 0x{0}")
    @ValueSource(ints = {0x70, 0x71, 0x73})
    void acceptsTheWholeFamily(int whoAmI) {
        chip.setWhoAmI(whoAmI);
        Mpu6050 imu = initialized(ImuMounting.DEFAULT);
        assertEquals(whoAmI, imu.whoAmI());
        tiltChipTo(45, ImuMounting.DEFAULT);
        assertEquals(45, imu.read().angleDeg(), 0.05);
    }

    @Test
    void whoAmIMismatchIsRejectedNamingTheValue() {
        chip.setWhoAmI(0x98);
        Mpu6050 imu = driver(ImuMounting.DEFAULT, ADDRESS);
        IllegalStateException e = assertThrows(IllegalStateException.class, imu::init);
        assertTrue(e.getMessage().contains("0x98"), e.getMessage());
        assertTrue(e.getMessage().contains("0x68"), e.getMessage());
    }

    @Test
    void aSleepingChipReadsZeroDataUntilTheDriverWakesItOnItsFirstRead() {
        Mpu6050 imu = driver(ImuMounting.DEFAULT, ADDRESS);  // init() never called
        chip.setAccelerationG(0, 0, 1);
        assertTrue(chip.sleeping());
        assertEquals(0, ctx.registry().get("imu-" + ADDRESS, I2C.class).readRegister(Mpu6050.ACCEL_XOUT_H + 4));
        TiltReading first = imu.read();
        assertFalse(chip.sleeping(), "the first read sets the chip up");
        assertEquals(TiltReading.Status.FRESH, first.status());
        assertEquals(0.0, first.angleDeg(), 0.05);
    }

    @Test
    void dataReadyIsClearedByTheReadSoTheSameSampleIsNeverSeenTwice() {
        Mpu6050 imu = initialized(ImuMounting.DEFAULT);
        tiltChipTo(20, ImuMounting.DEFAULT);
        assertTrue(imu.read().isFresh());
        assertSame(TiltReading.NO_NEW_SAMPLE, imu.read());
        tiltChipTo(21, ImuMounting.DEFAULT);
        assertEquals(21, imu.read().angleDeg(), 0.05);
    }

    @Test
    void disconnectedChipReadsAsBusErrorAndNeverThrows() {
        Mpu6050 imu = initialized(ImuMounting.DEFAULT);
        tiltChipTo(10, ImuMounting.DEFAULT);
        chip.setDisconnected(true);
        for (int i = 0; i < 10; i++) {
            TiltReading r = imu.read();
            assertSame(TiltReading.BUS_ERROR, r);
            assertTrue(Double.isNaN(r.angleDeg()), "a dead sensor must never read as a number");
        }
        chip.setDisconnected(false);
        assertEquals(10, imu.read().angleDeg(), 0.05, "the sample taken before the outage is still unread");
    }

    @Test
    void unknownAddressIsANackAtInitAndABusErrorAtRead() {
        Mpu6050 imu = driver(ImuMounting.DEFAULT, 0x69);
        IllegalStateException e = assertThrows(IllegalStateException.class, imu::init);
        assertTrue(e.getMessage().contains("0x69"), e.getMessage());
        assertSame(TiltReading.BUS_ERROR, imu.read());
    }

    @Test
    void saturatedAxisIsClippedAtFullScale() {
        Mpu6050 imu = initialized(new ImuMounting(Axis.X, Axis.Z, 0.0, 2));
        chip.setAccelerationG(0, 0, 3.0);
        assertEquals(32767 / 16384.0, imu.read().gravityG(), 1e-9);
    }

    @Test
    void inverseHelperRoundTripsForRandomMountings() {
        java.util.Random random = new java.util.Random(7L);
        Axis[] axes = Axis.values();
        for (int i = 0; i < 500; i++) {
            Axis along = axes[random.nextInt(6)];
            Axis normal = axes[random.nextInt(6)];
            if (along.index() == normal.index()) {
                continue;
            }
            ImuMounting m = new ImuMounting(along, normal, random.nextDouble() * 20 - 10, 2);
            double angle = random.nextDouble() * 160 - 70;
            double[] g = m.accelerationG(angle);
            assertEquals(angle, m.angleDeg(g[0], g[1], g[2]), 1e-9, m + " at " + angle);
            assertEquals(1.0, Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]), 1e-12);
        }
    }

    @Test
    void theRawSampleIsTheChipsOwnAxesBeforeCalibrationAndMountingForCalibrate() {
        // A calibration and a remapped mounting that would both change the angle: the raw sample must
        // show neither, because calibrate measures what they correct.
        ImuCalibration calibration = new ImuCalibration(new ImuCalibration.Axes(0.05, -0.03, 0.02),
                new ImuCalibration.Axes(1.05, 0.97, 1.02), new ImuCalibration.Axes(2.0, -1.0, 0.5));
        I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("imu-raw").bus(BUS).device(ADDRESS));
        Mpu6050 imu = new Mpu6050(i2c, new ImuMounting(Axis.MINUS_Y, Axis.X, 2.5, 4), calibration, clock);
        imu.init();
        assertTrue(imu.lastRawSample().isEmpty(), "nothing before the first sample");
        chip.setMotion(0.30, -0.40, 0.85, 1.5, -2.5, 3.5);
        assertTrue(imu.read().isFresh());
        Mpu6050.RawSample raw = imu.lastRawSample().orElseThrow();
        double lsbG = 1.0 / Mpu6050.lsbPerG(4);
        double lsbDegS = 1.0 / Mpu6050.GYRO_LSB_PER_DEG_S;
        assertEquals(0.30, raw.accelG().x(), lsbG);
        assertEquals(-0.40, raw.accelG().y(), lsbG);
        assertEquals(0.85, raw.accelG().z(), lsbG);
        assertEquals(1.5, raw.gyroDegS().x(), lsbDegS);
        assertEquals(-2.5, raw.gyroDegS().y(), lsbDegS);
        assertEquals(3.5, raw.gyroDegS().z(), lsbDegS);
        assertEquals(1, raw.number());
        assertEquals(1, imu.rawSampleCount());
        chip.setMotion(0.0, 0.0, 1.0, 0.0, 0.0, 0.0);
        imu.read();
        assertEquals(2, imu.lastRawSample().orElseThrow().number(), "a new sample, a new number");
        assertEquals(0.0, imu.lastRawSample().orElseThrow().accelG().x(), lsbG);
    }
}
