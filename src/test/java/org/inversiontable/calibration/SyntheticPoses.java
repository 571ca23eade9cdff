package org.inversiontable.calibration;

import java.util.Random;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.ImuCalibration.Axes;
import org.inversiontable.hardware.PinMap.ImuMounting;

/** A miscalibrated chip at rest or turning, with Gaussian noise: raw = true / scale + offset + noise. */
final class SyntheticPoses {
    private final ImuMounting chipFitted;
    private final ImuCalibration truth;
    private final Random random;
    private final double accelNoiseG;
    private final double gyroNoiseDegS;

    SyntheticPoses(ImuMounting chipFitted, ImuCalibration truth, long seed, double accelNoiseG, double gyroNoiseDegS) {
        this.chipFitted = chipFitted;
        this.truth = truth;
        this.random = new Random(seed);
        this.accelNoiseG = accelNoiseG;
        this.gyroNoiseDegS = gyroNoiseDegS;
    }

    /** What the chip reads at the true angle, turning at {@code rateDegS} toward inversion. */
    RawImuSample sample(double trueAngleDeg, double rateDegS) {
        double[] g = chipFitted.accelerationG(trueAngleDeg);
        double[] raw = new double[3];
        double[] gyro = chipFitted.rateDegPerS(rateDegS);
        for (int i = 0; i < 3; i++) {
            raw[i] = g[i] / truth.accelScale().get(i) + truth.accelOffsetG().get(i) + random.nextGaussian() * accelNoiseG;
            gyro[i] += truth.gyroOffsetDegS().get(i) + random.nextGaussian() * gyroNoiseDegS;
        }
        return new RawImuSample(new Axes(raw[0], raw[1], raw[2]), new Axes(gyro[0], gyro[1], gyro[2]));
    }

    PoseAverage pose(double trueAngleDeg, double referenceAngleDeg, int samples) {
        PoseSampler sampler = new PoseSampler(referenceAngleDeg);
        for (int k = 0; k < samples; k++) {
            sampler.add(sample(trueAngleDeg, 0.0));
        }
        return sampler.average();
    }

    static final ImuCalibration MISCALIBRATED = new ImuCalibration(new Axes(0.06, -0.04, 0.08),
            new Axes(1.03, 0.98, 0.97), new Axes(2.5, -1.5, 0.7));
}
