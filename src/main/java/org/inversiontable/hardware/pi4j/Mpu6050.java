package org.inversiontable.hardware.pi4j;

import com.pi4j.io.i2c.I2C;
import java.util.Optional;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.hardware.TiltSensor;
import org.inversiontable.time.Clock;
import org.tinylog.Logger;

/**
 * Register-level driver for the InvenSense MPU-6050 family (MPU-6050, -6500, -9250, -9255) as an
 * inclinometer: accelerometer and gyro read in one burst, calibrated per chip axis, mapped to the
 * bed by the mounting, and fused ({@link TiltFusion}) into an angle good to SPEC §3's 1 deg under
 * the jolts of a person on the table.
 *
 * <pre>{@code
 * Mpu6050 imu = new Mpu6050(i2c, pins.imu(), calibration, clock);   // ImuCalibration.NONE if never calibrated
 * imu.init();                    // throws with a clear message if the chip is absent or wrong
 * TiltReading r = imu.read();    // once per tick; never throws; valid until the next read
 * }</pre>
 *
 * <p>Configuration, for a 100 Hz loop: DLPF 10 Hz (accelerometer 10 Hz / 19 ms, gyro 10 Hz /
 * 13 ms), so nothing above the loop's 50 Hz Nyquist rate (motor and gear vibration) reaches the
 * samples to alias into the angle, while the table's own motion (below 1 Hz) passes and the delay
 * costs under 0.1 deg at 5 deg/s; sample rate 1 kHz / (1 + 4) = 200 Hz, so every tick finds a new
 * sample; gyro ±250 deg/s (the table turns at 8 deg/s at most: the finest resolution, 131
 * LSB per deg/s); clock from the X gyro's PLL. Every written register is read back: a bus that
 * accepts writes but returns zeros (Pi4J's no-op provider, a floating bus) fails here instead of
 * reading as a flat table.
 *
 * <p>Robustness: a burst that takes longer than {@link #MAX_READ_NANOS} on the injected clock is
 * a bus error (the loop must not wait on a sick bus, SPEC §12); a chip that lost its configuration
 * (a brown-out: asleep, or registers back at their reset values) is found by a check after
 * {@link #NO_SAMPLE_READS_BEFORE_CHECK} reads without data and every {@link #CHECK_EVERY_READS}
 * reads, re-written and reported once, the samples until then counted as missing; a sample
 * identical to the bit to the previous one is given the same angle again, so that a frozen chip
 * looks frozen to the supervisor instead of being smoothed into a plausible drift.
 *
 * <p>Not thread-safe: the control thread alone reads it.
 */
public final class Mpu6050 implements TiltSensor {
    public static final int SMPLRT_DIV = 0x19;
    public static final int CONFIG = 0x1A;
    public static final int GYRO_CONFIG = 0x1B;
    public static final int ACCEL_CONFIG = 0x1C;
    /** MPU-6500 family only: the accelerometer's own low-pass filter. */
    public static final int ACCEL_CONFIG_2 = 0x1D;
    public static final int INT_ENABLE = 0x38;
    public static final int INT_STATUS = 0x3A;
    public static final int ACCEL_XOUT_H = 0x3B;
    public static final int GYRO_XOUT_H = 0x43;
    public static final int PWR_MGMT_1 = 0x6B;
    public static final int WHO_AM_I = 0x75;

    public static final int WHO_AM_I_MPU6050 = 0x68;
    public static final int WHO_AM_I_MPU6500 = 0x70;
    public static final int WHO_AM_I_MPU9250 = 0x71;
    public static final int WHO_AM_I_MPU9255 = 0x73;

    /** Clock source PLL with X gyro reference; SLEEP (bit 6) cleared. */
    static final int PWR_MGMT_1_WAKE_PLL_X = 0x01;
    /** DLPF_CFG 5: accel 10 Hz (19.0 ms delay), gyro 10 Hz (13.4 ms); the gyro output rate is then 1 kHz. */
    static final int CONFIG_DLPF_10HZ = 0x05;
    /** 1 kHz / (1 + 4) = 200 Hz. */
    static final int SMPLRT_DIV_200HZ = 4;
    /** FS_SEL 0: ±250 deg/s. */
    static final int GYRO_CONFIG_250DPS = 0x00;
    public static final double GYRO_LSB_PER_DEG_S = 131.0;
    /** MPU-6500 A_DLPF_CFG 5: accel 10.2 Hz. */
    static final int ACCEL_CONFIG_2_DLPF_10HZ = 0x05;
    static final int INT_ENABLE_DATA_RDY = 0x01;
    static final int INT_STATUS_DATA_RDY = 0x01;
    static final int SLEEP = 0x40;

    /**
     * A 15-byte burst takes 1.6 ms at I2C's 100 kHz and 0.4 ms at 400 kHz; one that takes longer
     * than this was held up (clock stretching, a stuck bus, a busy kernel) and is not trusted.
     */
    public static final long MAX_READ_NANOS = 3_000_000L;
    /** At 200 Hz a tick always finds a sample: a few in a row without one, and the chip is asked why. */
    static final int NO_SAMPLE_READS_BEFORE_CHECK = 3;
    /** An MPU-6500 resets awake, still sampling: so the configuration is also checked once a second. */
    static final int CHECK_EVERY_READS = 100;

    /** INT_STATUS, ACCEL_X..Z, TEMP, GYRO_X..Z: one transfer, so status and data are one sample. */
    private static final int BURST_LENGTH = 15;
    private static final int ACCEL_AT = 1;
    private static final int GYRO_AT = 9;
    /** SMPLRT_DIV .. ACCEL_CONFIG_2, read back in one transfer to check the configuration. */
    private static final int CONFIG_BLOCK_LENGTH = 5;

    private final I2C i2c;
    private final ImuMounting mounting;
    private final ImuCalibration calibration;
    private final Clock clock;
    private final double lsbPerG;
    private final TiltFusion fusion = new TiltFusion();
    /**
     * The reading {@link #read()} returns with a sample, refilled with the next one (SPEC §11: a tick
     * allocates nothing): valid until the next read, on the reading thread only.
     */
    private final TiltReading sampleReading = TiltReading.reusable();
    private final byte[] burst = new byte[BURST_LENGTH];
    private final byte[] previousBurst = new byte[BURST_LENGTH];
    private final byte[] configBlock = new byte[CONFIG_BLOCK_LENGTH];
    private boolean havePrevious;
    private TiltReading previousReading = TiltReading.NO_NEW_SAMPLE;
    private int whoAmI = -1;
    private int readsWithoutSample;
    private int readsSinceCheck;
    private long reinitialisations;
    private long slowReads;
    private int lastPowerManagement;
    // The newest sample as the chip gave it (before calibration and mapping), for calibrate: kept in
    // fields so that the per-tick path stays allocation-free; a copy is made only when asked.
    private long rawSamples;
    private double rawAccelXG;
    private double rawAccelYG;
    private double rawAccelZG;
    private double rawGyroXDegS;
    private double rawGyroYDegS;
    private double rawGyroZDegS;

    public Mpu6050(I2C i2c, ImuMounting mounting, ImuCalibration calibration, Clock clock) {
        if (i2c == null || mounting == null || calibration == null || clock == null) {
            throw new IllegalArgumentException("i2c, mounting, calibration and clock must not be null");
        }
        this.i2c = i2c;
        this.mounting = mounting;
        this.calibration = calibration;
        this.clock = clock;
        this.lsbPerG = lsbPerG(mounting.accelRangeG());
    }

    /** AFS_SEL (ACCEL_CONFIG bits 4:3) for a full-scale range in g. */
    public static int afsSel(int accelRangeG) {
        return switch (accelRangeG) {
            case 2 -> 0;
            case 4 -> 1;
            case 8 -> 2;
            case 16 -> 3;
            default -> throw new IllegalArgumentException("accelRangeG must be 2, 4, 8 or 16, was " + accelRangeG);
        };
    }

    /** Sensitivity for a full-scale range: 16384, 8192, 4096 or 2048 LSB/g. */
    public static double lsbPerG(int accelRangeG) {
        return 16384.0 / (1 << afsSel(accelRangeG));
    }

    /**
     * Identifies and configures the chip.
     *
     * @throws IllegalStateException naming the bus, address and the offending value when the
     *                               chip does not answer, is not of the family, or does not keep
     *                               its configuration
     */
    public void init() {
        try {
            int id = i2c.readRegister(WHO_AM_I) & 0xFF;
            if (id != WHO_AM_I_MPU6050 && id != WHO_AM_I_MPU6500 && id != WHO_AM_I_MPU9250
                    && id != WHO_AM_I_MPU9255) {
                throw new IllegalStateException(String.format(
                        "IMU on I2C bus %d address 0x%02X: WHO_AM_I (0x75) reads 0x%02X, expected an MPU-6050 family"
                                + " chip (0x68 MPU-6050, 0x70 MPU-6500, 0x71 MPU-9250, 0x73 MPU-9255)."
                                + " Check i2c_address and the wiring (i2cdetect -y %d).",
                        i2c.bus(), i2c.device(), id, i2c.bus()));
            }
            writeVerified(PWR_MGMT_1, PWR_MGMT_1_WAKE_PLL_X);
            writeVerified(CONFIG, CONFIG_DLPF_10HZ);
            writeVerified(SMPLRT_DIV, SMPLRT_DIV_200HZ);
            writeVerified(GYRO_CONFIG, GYRO_CONFIG_250DPS);
            writeVerified(ACCEL_CONFIG, afsSel(mounting.accelRangeG()) << 3);
            if (id != WHO_AM_I_MPU6050) {
                writeVerified(ACCEL_CONFIG_2, ACCEL_CONFIG_2_DLPF_10HZ);
            }
            writeVerified(INT_ENABLE, INT_ENABLE_DATA_RDY);
            whoAmI = id;
            restartSampling();
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NotAnswering(String.format(
                    "IMU on I2C bus %d address 0x%02X does not answer (%s). Check the wiring, that I2C is"
                            + " enabled (dtparam=i2c_arm=on), i2c_bus, i2c_address (i2cdetect -y %d).",
                    i2c.bus(), i2c.device(), e.getMessage(), i2c.bus()), e);
        }
    }

    /** WHO_AM_I as read by {@link #init()}, or -1 before it. */
    public int whoAmI() {
        return whoAmI;
    }

    /** How often the chip was found to have lost its configuration and was set up again. */
    public long reinitialisations() {
        return reinitialisations;
    }

    /** How many bursts took longer than {@link #MAX_READ_NANOS} and were counted as bus errors. */
    public long slowReads() {
        return slowReads;
    }

    /**
     * How many samples {@link #read()} has taken from the chip (fresh ones, repeated ones included):
     * a caller that remembers it sees whether {@link #lastRawSample()} is new.
     */
    public long rawSampleCount() {
        return rawSamples;
    }

    /**
     * The newest sample as the chip gave it: acceleration (g) and rate (deg/s) on the chip's own
     * axes, before the calibration and the mounting; empty before the first. For {@code calibrate},
     * which measures the calibration and so must see what it corrects; on the control thread only.
     */
    public Optional<RawSample> lastRawSample() {
        if (rawSamples == 0) {
            return Optional.empty();
        }
        return Optional.of(new RawSample(new ImuCalibration.Axes(rawAccelXG, rawAccelYG, rawAccelZG),
                new ImuCalibration.Axes(rawGyroXDegS, rawGyroYDegS, rawGyroZDegS), rawSamples));
    }

    /**
     * One raw sample of the chip.
     *
     * @param accelG   acceleration on the chip's x, y, z (g), uncalibrated
     * @param gyroDegS rotation rate about the chip's x, y, z (deg/s, right-handed), uncalibrated
     * @param number   its place in {@link #rawSampleCount()}, from 1
     */
    public record RawSample(ImuCalibration.Axes accelG, ImuCalibration.Axes gyroDegS, long number) {
    }

    private void writeVerified(int register, int value) {
        i2c.writeRegister(register, (byte) value);
        int readBack = i2c.readRegister(register) & 0xFF;
        if (readBack != value) {
            throw new IllegalStateException(String.format(
                    "IMU on I2C bus %d address 0x%02X: register 0x%02X reads 0x%02X after writing 0x%02X;"
                            + " the chip or the bus does not hold its configuration.",
                    i2c.bus(), i2c.device(), register, readBack, value));
        }
    }

    private void restartSampling() {
        fusion.restart();
        havePrevious = false;
        readsWithoutSample = 0;
        readsSinceCheck = 0;
    }

    /**
     * One burst read of INT_STATUS, the accelerometer, the temperature and the gyro, so status and
     * data belong to the same sample. Reading INT_STATUS clears DATA_RDY, so the same sample is
     * never seen twice. Allocation-free on this side of the bus.
     */
    @Override
    public TiltReading read() {
        if (whoAmI < 0) {
            // Not set up yet (it did not answer at start, or was reconnected): try again; until it
            // answers, every read is a missing sample, which the supervisor turns into a fault.
            try {
                init();
            } catch (RuntimeException e) {
                return TiltReading.BUS_ERROR;
            }
        }
        try {
            long startNanos = clock.nanoTime();
            int count = i2c.readRegister(INT_STATUS, burst, 0, BURST_LENGTH);
            if (count != BURST_LENGTH) {
                return TiltReading.BUS_ERROR;
            }
            if (clock.nanoTime() - startNanos > MAX_READ_NANOS) {
                slowReads++;
                return TiltReading.BUS_ERROR;
            }
            boolean dataReady = (burst[0] & INT_STATUS_DATA_RDY) != 0;
            readsWithoutSample = dataReady ? 0 : readsWithoutSample + 1;
            readsSinceCheck++;
            if (readsWithoutSample >= NO_SAMPLE_READS_BEFORE_CHECK || readsSinceCheck >= CHECK_EVERY_READS) {
                readsSinceCheck = 0;
                if (configurationLost()) {
                    reinitialise();
                    return TiltReading.NO_NEW_SAMPLE;
                }
            }
            if (!dataReady) {
                return TiltReading.NO_NEW_SAMPLE;
            }
            return sample(startNanos);
        } catch (RuntimeException e) {
            // A dead bus must look like a missing sample (a fault), never stop the loop.
            return TiltReading.BUS_ERROR;
        }
    }

    private TiltReading sample(long nowNanos) {
        boolean repeated = havePrevious && sameData();
        System.arraycopy(burst, 0, previousBurst, 0, BURST_LENGTH);
        havePrevious = true;
        ImuCalibration.Axes offsetG = calibration.accelOffsetG();
        ImuCalibration.Axes scale = calibration.accelScale();
        ImuCalibration.Axes gyroOffset = calibration.gyroOffsetDegS();
        rawAccelXG = word(ACCEL_AT) / lsbPerG;
        rawAccelYG = word(ACCEL_AT + 2) / lsbPerG;
        rawAccelZG = word(ACCEL_AT + 4) / lsbPerG;
        rawGyroXDegS = word(GYRO_AT) / GYRO_LSB_PER_DEG_S;
        rawGyroYDegS = word(GYRO_AT + 2) / GYRO_LSB_PER_DEG_S;
        rawGyroZDegS = word(GYRO_AT + 4) / GYRO_LSB_PER_DEG_S;
        rawSamples++;
        double xG = (rawAccelXG - offsetG.x()) * scale.x();
        double yG = (rawAccelYG - offsetG.y()) * scale.y();
        double zG = (rawAccelZG - offsetG.z()) * scale.z();
        double rateDegPerS = mounting.rateDegPerS(rawGyroXDegS - gyroOffset.x(), rawGyroYDegS - gyroOffset.y(),
                rawGyroZDegS - gyroOffset.z());
        double accelAngleDeg = mounting.angleDeg(xG, yG, zG);
        double gravityG = Math.sqrt(xG * xG + yG * yG + zG * zG);
        TiltFusion.Verdict verdict = fusion.update(nowNanos, accelAngleDeg, rateDegPerS);
        double angleDeg = verdict == TiltFusion.Verdict.ACQUIRING ? accelAngleDeg : fusion.angleDeg();
        if (repeated && previousReading.isFresh()) {
            // The filter is kept in step with time and still judges, but the angle is shown
            // unchanged: a real chip's noise never repeats 12 bytes, so this one has frozen.
            angleDeg = previousReading.angleDeg();
        }
        previousReading = switch (verdict) {
            case ACQUIRING, AGREE -> sampleReading.refill(TiltReading.Status.FRESH, angleDeg, gravityG);
            case DISAGREE -> sampleReading.refill(TiltReading.Status.DISAGREEING, angleDeg, gravityG);
            case OUTLIER -> TiltReading.OUTLIER;
        };
        return previousReading;
    }

    /** Accelerometer and gyro bytes as last time (the temperature may differ and says nothing). */
    private boolean sameData() {
        for (int i = ACCEL_AT; i < BURST_LENGTH; i++) {
            if ((i < GYRO_AT - 2 || i >= GYRO_AT) && burst[i] != previousBurst[i]) {
                return false;
            }
        }
        return true;
    }

    /** After a brown-out the chip answers but sleeps, or its registers are back at their reset values. */
    private boolean configurationLost() {
        int power = i2c.readRegister(PWR_MGMT_1) & 0xFF;
        lastPowerManagement = power;
        int length = whoAmI == WHO_AM_I_MPU6050 ? CONFIG_BLOCK_LENGTH - 1 : CONFIG_BLOCK_LENGTH;
        i2c.readRegister(SMPLRT_DIV, configBlock, 0, length);
        return power != PWR_MGMT_1_WAKE_PLL_X
                || (configBlock[0] & 0xFF) != SMPLRT_DIV_200HZ
                || (configBlock[1] & 0xFF) != CONFIG_DLPF_10HZ
                || (configBlock[2] & 0xFF) != GYRO_CONFIG_250DPS
                || (configBlock[3] & 0xFF) != afsSel(mounting.accelRangeG()) << 3
                || (length == CONFIG_BLOCK_LENGTH && (configBlock[4] & 0xFF) != ACCEL_CONFIG_2_DLPF_10HZ);
    }

    private void reinitialise() {
        String found = String.format("PWR_MGMT_1 0x%02X, CONFIG 0x%02X", lastPowerManagement, configBlock[1] & 0xFF);
        whoAmI = -1;
        reinitialisations++;
        try {
            init();
            Logger.warn("IMU on I2C bus {} address 0x{} had lost its configuration ({}; a brown-out?): set up"
                    + " again; the samples in between count as missing", i2c.bus(),
                    Integer.toHexString(i2c.device()), found);
        } catch (RuntimeException e) {
            Logger.error("IMU on I2C bus {} lost its configuration ({}) and could not be set up again: {}",
                    i2c.bus(), found, e.getMessage());
        }
    }

    private int word(int index) {
        return (short) (((burst[index] & 0xFF) << 8) | (burst[index + 1] & 0xFF));
    }

    /**
     * The chip did not answer on the bus (as opposed to answering as the wrong chip). A
     * controller may start without it: a person inverted at a restart still needs limp home.
     */
    public static final class NotAnswering extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotAnswering(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
