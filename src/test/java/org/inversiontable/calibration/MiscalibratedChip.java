package org.inversiontable.calibration;

import java.util.Random;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.ImuCalibration.Axes;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.sim.SimulatedTable;

/**
 * The raw readings of a miscalibrated MPU-6050 fitted to a simulated table: the project's
 * FakeMpu6050 models neither the gyro nor per-axis offsets and scales (and another change owns
 * it), so this wrapper reads the table's true angle and speed and gives what such a chip would:
 * {@code raw = gravity / scale + offset + noise} on each axis, and the rate about the rotation axis
 * plus the gyro's offset and noise.
 */
final class MiscalibratedChip {
    private final SimulatedTable table;
    private final ImuMounting fitted;
    private final ImuCalibration errors;
    private final Random random;
    private final double accelNoiseG;
    private final double gyroNoiseDegS;
    private final int gyroSign;

    /** @param gyroSign -1 for a gyro whose axis turns the other way from the accelerometer's (a wrong gyro mapping) */
    MiscalibratedChip(SimulatedTable table, ImuMounting fitted, ImuCalibration errors, long seed, int gyroSign) {
        this.table = table;
        this.fitted = fitted;
        this.errors = errors;
        this.random = new Random(seed);
        this.accelNoiseG = 0.004;
        this.gyroNoiseDegS = 0.1;
        this.gyroSign = gyroSign;
    }

    RawImuSample read() {
        double[] g = fitted.accelerationG(table.angleTrueDeg());
        double[] raw = new double[3];
        double[] gyro = fitted.rateDegPerS(gyroSign * table.speedDegPerS());
        for (int i = 0; i < 3; i++) {
            raw[i] = g[i] / errors.accelScale().get(i) + errors.accelOffsetG().get(i) + random.nextGaussian() * accelNoiseG;
            gyro[i] += errors.gyroOffsetDegS().get(i) + random.nextGaussian() * gyroNoiseDegS;
        }
        return new RawImuSample(new Axes(raw[0], raw[1], raw[2]), new Axes(gyro[0], gyro[1], gyro[2]));
    }

    /** The angle a chip with these errors gives through the mounting, corrected by {@code calibration}. */
    double angleDeg(double trueAngleDeg, ImuCalibration calibration) {
        double[] g = fitted.accelerationG(trueAngleDeg);
        double[] raw = new double[3];
        for (int i = 0; i < 3; i++) {
            raw[i] = g[i] / errors.accelScale().get(i) + errors.accelOffsetG().get(i);
        }
        double[] c = CalibrationEstimator.corrected(new Axes(raw[0], raw[1], raw[2]), calibration);
        return fitted.angleDeg(c[0], c[1], c[2]);
    }
}
