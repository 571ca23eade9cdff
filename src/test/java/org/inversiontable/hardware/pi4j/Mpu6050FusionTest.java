package org.inversiontable.hardware.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.util.ArrayList;
import java.util.List;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.hardware.pi4j.fake.FakeI2CProvider;
import org.inversiontable.hardware.pi4j.fake.FakeMpu6050;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.ImuCheck;
import org.inversiontable.safety.ImuPlausibility;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The driver's gyro, fusion, cross-check, mountings, calibration and robustness, against the
 * register-level fake chip moved along a known true angle, at 100 Hz on a manual clock.
 */
class Mpu6050FusionTest {
    private static final long TICK_NANOS = 10_000_000L;
    private static final int BUS = 1;
    private static final int ADDRESS = 0x68;

    private final FakeMpu6050 chip = new FakeMpu6050();
    private final FakeI2CProvider provider = new FakeI2CProvider().attach(BUS, ADDRESS, chip);
    private final Context ctx = Pi4jContexts.simulated(provider);
    private final ManualClock clock = new ManualClock(0L);
    private final ImuPlausibility plausibility = new ImuPlausibility(0L);
    private ImuCheck lastCheck;
    private int ids;

    @AfterEach
    void shutDown() {
        ctx.shutdown();
    }

    private Mpu6050 driver(ImuMounting mounting, ImuCalibration calibration) {
        I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("imu-" + ids++).bus(BUS).device(ADDRESS));
        Mpu6050 imu = new Mpu6050(i2c, mounting, calibration, clock);
        imu.init();
        return imu;
    }

    /** One tick: the chip feels the table at this true angle and rate (plus extras), then the driver reads. */
    private TiltReading tick(Mpu6050 imu, ImuMounting mounting, double angleDeg, double rateDegPerS,
                             double accelExtraDeg, double gyroExtraDegPerS) {
        clock.advanceNanos(TICK_NANOS);
        double[] g = mounting.accelerationG(angleDeg + accelExtraDeg);
        double[] w = mounting.rateDegPerS(rateDegPerS + gyroExtraDegPerS);
        chip.setMotion(g[0], g[1], g[2], w[0], w[1], w[2]);
        TiltReading r = imu.read();
        lastCheck = plausibility.check(r, clock.nanoTime());
        return r;
    }

    private TiltReading tick(Mpu6050 imu, ImuMounting mounting, double angleDeg, double rateDegPerS) {
        return tick(imu, mounting, angleDeg, rateDegPerS, 0.0, 0.0);
    }

    /** Holds still through the driver's start-up (it fits the gyro's offset). */
    private void settle(Mpu6050 imu, ImuMounting mounting, double angleDeg) {
        for (int i = 0; i < 250; i++) {
            tick(imu, mounting, angleDeg, 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMounting")
    void everySignedMountingReadsTheRightAngleFromMinus65To90(ImuMounting mounting) {
        Mpu6050 imu = driver(mounting, ImuCalibration.NONE);
        settle(imu, mounting, -65.0);
        double maxErrorDeg = 0.0;
        // Up through the range at 5 deg/s and back: a gyro read with the wrong sign for this
        // mounting would make the fused angle run away from the accelerometer's.
        for (double angle = -65.0; angle <= 90.0; angle += 0.05) {
            TiltReading r = tick(imu, mounting, angle, 5.0);
            assertEquals(TiltReading.Status.FRESH, r.status(), mounting + " at " + angle);
            maxErrorDeg = Math.max(maxErrorDeg, Math.abs(r.angleDeg() - angle));
        }
        for (double angle = 90.0; angle >= -65.0; angle -= 0.05) {
            TiltReading r = tick(imu, mounting, angle, -5.0);
            assertEquals(TiltReading.Status.FRESH, r.status(), mounting + " at " + angle);
            maxErrorDeg = Math.max(maxErrorDeg, Math.abs(r.angleDeg() - angle));
        }
        assertTrue(maxErrorDeg < 0.1, mounting + ": error " + maxErrorDeg);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMounting")
    void theGyroAxisOfEveryMountingTurnsGravityAsTheAccelerometerSeesIt(ImuMounting mounting) {
        // Physics, independent of the driver's mapping: gravity is fixed in the room, so on the
        // turning chip it moves as dg/dt = -omega x g. The rate the mapping puts on the chip's
        // axes for a head-down turn must move gravity the way the accelerometer's mapping says.
        double rateDegPerS = 5.0;
        double[] omega = mounting.rateDegPerS(rateDegPerS);
        for (double angle = -65.0; angle <= 90.0; angle += 5.0) {
            double dtS = 1e-4;
            double[] g0 = mounting.accelerationG(angle);
            double[] g1 = mounting.accelerationG(angle + rateDegPerS * dtS);
            double[] w = {Math.toRadians(omega[0]), Math.toRadians(omega[1]), Math.toRadians(omega[2])};
            double[] expected = {-(w[1] * g0[2] - w[2] * g0[1]), -(w[2] * g0[0] - w[0] * g0[2]),
                    -(w[0] * g0[1] - w[1] * g0[0])};
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], (g1[i] - g0[i]) / dtS, 1e-5, mounting + " axis " + i + " at " + angle);
            }
        }
    }

    static List<ImuMounting> everyMounting() {
        List<ImuMounting> all = new ArrayList<>();
        for (Axis along : Axis.values()) {
            for (Axis normal : Axis.values()) {
                if (along.index() != normal.index()) {
                    all.add(new ImuMounting(along, normal, 0.0, 2));
                }
            }
        }
        assertEquals(24, all.size());
        return all;
    }

    @Test
    void anUpsideDownChipReadsTheSameAngles() {
        // Z into the bed, X toward the feet: the default chip turned over about its y axis.
        ImuMounting upsideDown = new ImuMounting(Axis.MINUS_X, Axis.MINUS_Z, 0.0, 2);
        Mpu6050 imu = driver(upsideDown, ImuCalibration.NONE);
        for (double angle : new double[] {-65, -20, 0, 35, 90}) {
            double[] g = upsideDown.accelerationG(angle);
            assertEquals(-ImuMounting.DEFAULT.accelerationG(angle)[2], g[2], 1e-12, "z reads the other way");
            clock.advanceNanos(TICK_NANOS);
            chip.setMotion(g[0], g[1], g[2], 0, 0, 0);
            assertEquals(angle, imu.read().angleDeg(), 0.05);
        }
    }

    @Test
    void aStuckGyroLatchesImuDisagreeWithinASecondOfAMove() {
        ImuMounting m = ImuMounting.DEFAULT;
        Mpu6050 imu = driver(m, ImuCalibration.NONE);
        settle(imu, m, 0.0);
        double angle = 0.0;
        for (int i = 0; i < 150; i++) {
            angle += 0.05;
            tick(imu, m, angle, 5.0, 0.0, -5.0);   // the gyro reads 0 while the table turns at 5 deg/s
            if (lastCheck.tripped()) {
                assertEquals(FaultCode.IMU_DISAGREE, lastCheck.fault(), lastCheck.cause());
                assertTrue(i * 0.01 < 1.0, "tripped after " + i * 0.01 + " s");
                assertTrue(!plausibility.angleTrusted(), "the angle is not trusted after imu_disagree");
                return;
            }
        }
        throw new AssertionError("a stuck gyro was not caught in 1.5 s");
    }

    @Test
    void anAccelerometerThatJumpsByFiveDegreesLatchesImuDisagree() {
        ImuMounting m = ImuMounting.DEFAULT;
        Mpu6050 imu = driver(m, ImuCalibration.NONE);
        settle(imu, m, 30.0);
        for (int i = 0; i < 150; i++) {
            tick(imu, m, 30.0, 0.0, 5.0, 0.0);   // an offset jump of the accelerometer (a loose mount)
            if (lastCheck.tripped()) {
                assertEquals(FaultCode.IMU_DISAGREE, lastCheck.fault(), lastCheck.cause());
                return;
            }
        }
        throw new AssertionError("an accelerometer that jumped 5 deg was not caught in 1.5 s");
    }

    @Test
    void aSpikeFarBeyondAnyRealAccelerationIsAnOutlierAndThreeInARowAJump() {
        ImuMounting m = ImuMounting.DEFAULT;
        Mpu6050 imu = driver(m, ImuCalibration.NONE);
        settle(imu, m, 10.0);
        assertSame(TiltReading.OUTLIER, tick(imu, m, 10.0, 0.0, 40.0, 0.0));
        assertTrue(!lastCheck.tripped());
        assertEquals(10.0, tick(imu, m, 10.0, 0.0).angleDeg(), 0.05, "the spike left the angle alone");
        for (int i = 0; i < 3; i++) {
            tick(imu, m, 10.0, 0.0, 40.0, 0.0);
        }
        assertEquals(FaultCode.IMU_JUMP, lastCheck.fault());
    }

    @Test
    void anUncalibratedGyroOffsetOfTwentyDegreesPerSecondIsLearntAtStart() {
        ImuMounting m = ImuMounting.DEFAULT;
        Mpu6050 imu = driver(m, ImuCalibration.NONE);
        for (int i = 0; i < 250; i++) {
            tick(imu, m, 0.0, 0.0, 0.0, 20.0);
        }
        double maxErrorDeg = 0.0;
        for (int i = 0; i < 3000; i++) {
            TiltReading r = tick(imu, m, 0.0, 0.0, 0.0, 20.0);
            assertTrue(!lastCheck.tripped(), lastCheck.cause());
            maxErrorDeg = Math.max(maxErrorDeg, Math.abs(r.angleDeg()));
        }
        assertTrue(maxErrorDeg < 0.05, "error " + maxErrorDeg);
    }

    /** What a chip with these errors shows for a true acceleration: raw = true / scale + offset. */
    private void showMiscalibrated(ImuMounting m, double angleDeg, ImuCalibration truth) {
        clock.advanceNanos(TICK_NANOS);
        double[] g = m.accelerationG(angleDeg);
        ImuCalibration.Axes off = truth.accelOffsetG();
        ImuCalibration.Axes scale = truth.accelScale();
        ImuCalibration.Axes gyro = truth.gyroOffsetDegS();
        chip.setMotion(g[0] / scale.x() + off.x(), g[1] / scale.y() + off.y(), g[2] / scale.z() + off.z(),
                gyro.x(), gyro.y(), gyro.z());
    }

    @Test
    void perAxisCalibrationCorrectsAMiscalibratedChipWhereOneFlatOffsetLeavesDegrees() {
        ImuCalibration chipErrors = new ImuCalibration(new ImuCalibration.Axes(0.04, -0.03, 0.06),
                new ImuCalibration.Axes(1.04, 0.97, 0.95), new ImuCalibration.Axes(3.0, -15.0, 7.0));
        // Uncalibrated, trimmed with one flat offset so that it reads 0 when flat.
        Mpu6050 raw = driver(ImuMounting.DEFAULT, ImuCalibration.NONE);
        showMiscalibrated(ImuMounting.DEFAULT, 0.0, chipErrors);
        double trimDeg = -raw.read().angleDeg();
        ImuMounting trimmed = new ImuMounting(Axis.X, Axis.Z, trimDeg, 2);
        Mpu6050 flatTrimmed = driver(trimmed, ImuCalibration.NONE);
        Mpu6050 calibrated = driver(ImuMounting.DEFAULT, chipErrors);
        double worstTrimmedDeg = 0.0;
        double worstCalibratedDeg = 0.0;
        for (double angle = -65.0; angle <= 90.0; angle += 5.0) {
            showMiscalibrated(ImuMounting.DEFAULT, angle, chipErrors);
            worstTrimmedDeg = Math.max(worstTrimmedDeg, Math.abs(flatTrimmed.read().angleDeg() - angle));
            showMiscalibrated(ImuMounting.DEFAULT, angle, chipErrors);
            worstCalibratedDeg = Math.max(worstCalibratedDeg, Math.abs(calibrated.read().angleDeg() - angle));
        }
        assertTrue(worstTrimmedDeg > 2.0, "one flat offset leaves " + worstTrimmedDeg + " deg");
        assertTrue(worstCalibratedDeg < 0.2, "calibrated: " + worstCalibratedDeg + " deg");
    }

    @Test
    void theCalibratedGyroOffsetIsTakenOffBeforeTheAxisMapping() {
        ImuCalibration chipErrors = new ImuCalibration(ImuCalibration.Axes.ZERO, new ImuCalibration.Axes(1, 1, 1),
                new ImuCalibration.Axes(3.0, -15.0, 7.0));
        ImuMounting m = ImuMounting.DEFAULT;   // pivot = z x x = y: the -15 deg/s axis
        Mpu6050 imu = driver(m, chipErrors);
        for (int i = 0; i < 250; i++) {
            clock.advanceNanos(TICK_NANOS);
            chip.setMotion(0, 0, 1, 3.0, -15.0, 7.0);   // at rest, flat: the gyro shows its offsets
            imu.read();
        }
        // Without the calibration the start-up would learn -15 deg/s (see the test above); with it
        // the learnt remainder is nothing: a move right after start-up is followed at once.
        double maxErrorDeg = 0.0;
        for (int i = 0; i < 200; i++) {
            double angle = i * 0.05;
            clock.advanceNanos(TICK_NANOS);
            double[] g = m.accelerationG(angle);
            double[] w = m.rateDegPerS(5.0);
            chip.setMotion(g[0], g[1], g[2], w[0] + 3.0, w[1] - 15.0, w[2] + 7.0);
            maxErrorDeg = Math.max(maxErrorDeg, Math.abs(imu.read().angleDeg() - angle));
        }
        assertTrue(maxErrorDeg < 0.1, "error " + maxErrorDeg);
    }

    @Test
    void aTableThatMovesDuringTheStartUpStillStartsRight() {
        // A restart during limp home or a move: the start-up fits the offset while the table turns
        // (and stops half-way), with an uncalibrated gyro 10 deg/s off.
        ImuMounting m = ImuMounting.DEFAULT;
        Mpu6050 imu = driver(m, ImuCalibration.NONE);
        double angle = 40.0;
        double maxErrorDeg = 0.0;
        for (int i = 0; i < 800; i++) {
            double rate = i < 120 ? -5.0 : 0.0;
            angle += rate * 0.01;
            TiltReading r = tick(imu, m, angle, rate, 0.0, 10.0);
            assertTrue(!lastCheck.tripped(), lastCheck.cause());
            if (i > 200) {
                maxErrorDeg = Math.max(maxErrorDeg, Math.abs(r.angleDeg() - angle));
            }
        }
        assertTrue(maxErrorDeg < 0.05, "error " + maxErrorDeg);
    }
}
