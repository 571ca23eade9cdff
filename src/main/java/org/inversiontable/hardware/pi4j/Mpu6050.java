package org.inversiontable.hardware.pi4j;

import com.pi4j.io.i2c.I2C;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.hardware.TiltSensor;

/**
 * Register-level driver for the InvenSense MPU-6050 family (MPU-6050, -6500, -9250, -9255),
 * used as an inclinometer: only the accelerometer is read.
 *
 * <pre>{@code
 * Mpu6050 imu = new Mpu6050(ctx.create(I2C.newConfigBuilder(ctx).bus(1).device(0x68)), pins.imu());
 * imu.init();                    // throws with a clear message if the chip is absent or wrong
 * TiltReading r = imu.read();    // once per tick; never throws
 * }</pre>
 *
 * <p>Configuration: clock from the X gyro PLL (more stable than the internal oscillator), DLPF
 * at 44 Hz and a 200 Hz sample rate, so the 100 Hz loop always finds a fresh sample and
 * vibration above the Nyquist rate is filtered before it can alias into the angle. Every written
 * register is read back: a bus that accepts writes but returns zeros (Pi4J's no-op provider, a
 * floating bus) fails here instead of reading as a flat table.
 */
public final class Mpu6050 implements TiltSensor {
    public static final int SMPLRT_DIV = 0x19;
    public static final int CONFIG = 0x1A;
    public static final int ACCEL_CONFIG = 0x1C;
    /** MPU-6500 family only: the accelerometer's own low-pass filter. */
    public static final int ACCEL_CONFIG_2 = 0x1D;
    public static final int INT_ENABLE = 0x38;
    public static final int INT_STATUS = 0x3A;
    public static final int ACCEL_XOUT_H = 0x3B;
    public static final int PWR_MGMT_1 = 0x6B;
    public static final int WHO_AM_I = 0x75;

    public static final int WHO_AM_I_MPU6050 = 0x68;
    public static final int WHO_AM_I_MPU6500 = 0x70;
    public static final int WHO_AM_I_MPU9250 = 0x71;
    public static final int WHO_AM_I_MPU9255 = 0x73;

    /** Clock source PLL with X gyro reference; SLEEP (bit 6) cleared. */
    static final int PWR_MGMT_1_WAKE_PLL_X = 0x01;
    /** DLPF_CFG 3: accel 44 Hz, gyro 42 Hz; the gyro output rate is then 1 kHz. */
    static final int CONFIG_DLPF_44HZ = 0x03;
    /** 1 kHz / (1 + 4) = 200 Hz. */
    static final int SMPLRT_DIV_200HZ = 4;
    /** MPU-6500 A_DLPF_CFG 3: accel 44.8 Hz. */
    static final int ACCEL_CONFIG_2_DLPF_45HZ = 0x03;
    static final int INT_ENABLE_DATA_RDY = 0x01;
    static final int INT_STATUS_DATA_RDY = 0x01;

    private static final int BURST_LENGTH = 7;

    private final I2C i2c;
    private final ImuMounting mounting;
    private final double lsbPerG;
    private final byte[] burst = new byte[BURST_LENGTH];
    private int whoAmI = -1;

    public Mpu6050(I2C i2c, ImuMounting mounting) {
        if (i2c == null || mounting == null) {
            throw new IllegalArgumentException("i2c and mounting must not be null");
        }
        this.i2c = i2c;
        this.mounting = mounting;
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

    /** The inverse of the angle computation, for the simulated chip: see {@link ImuMounting#accelerationG}. */
    public static double[] accelerationG(double angleDeg, ImuMounting mounting) {
        return mounting.accelerationG(angleDeg);
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
            writeVerified(CONFIG, CONFIG_DLPF_44HZ);
            writeVerified(SMPLRT_DIV, SMPLRT_DIV_200HZ);
            writeVerified(ACCEL_CONFIG, afsSel(mounting.accelRangeG()) << 3);
            if (id != WHO_AM_I_MPU6050) {
                writeVerified(ACCEL_CONFIG_2, ACCEL_CONFIG_2_DLPF_45HZ);
            }
            writeVerified(INT_ENABLE, INT_ENABLE_DATA_RDY);
            whoAmI = id;
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

    /**
     * One burst read of INT_STATUS and the three acceleration words, so status and data belong
     * to the same sample. Reading INT_STATUS clears DATA_RDY, so the same sample is never seen
     * twice. Allocation-free on this side of the bus.
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
            int count = i2c.readRegister(INT_STATUS, burst, 0, BURST_LENGTH);
            if (count != BURST_LENGTH) {
                return TiltReading.BUS_ERROR;
            }
            if ((burst[0] & INT_STATUS_DATA_RDY) == 0) {
                return TiltReading.NO_NEW_SAMPLE;
            }
            double xG = word(1) / lsbPerG;
            double yG = word(3) / lsbPerG;
            double zG = word(5) / lsbPerG;
            return TiltReading.fresh(mounting.angleDeg(xG, yG, zG), Math.sqrt(xG * xG + yG * yG + zG * zG));
        } catch (RuntimeException e) {
            // A dead bus must look like a missing sample (a fault), never stop the loop.
            return TiltReading.BUS_ERROR;
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
