package org.inversiontable.hil;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import java.nio.file.Path;
import java.util.Random;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.pi4j.Mpu6050;
import org.inversiontable.runtime.Parker;
import org.inversiontable.runtime.TimeScale;
import org.inversiontable.time.Clock;
import org.inversiontable.time.SystemClock;

/**
 * The MPU-6050 of the emulated Pi and the table it lies on: i2c-stub holds only a register file,
 * so a thread here plays the chip and a small plant. It reads the H-bridge's ENABLE and DIR lines
 * (gpio-sim) and the duty (the PWM stand-in), moves the bed as an unloaded actuator of the
 * configuration's curve would ({@code actuator_speed_deg_s} at full duty, nothing below
 * {@code actuator_min_duty}), stops it at the upright stop and at 90 deg, opens the HOME end-stop
 * once the bed has left it (and closes it when the bed is back), and writes the sample
 * registers (INT_STATUS, accelerometer, gyro) the way the chip would show that angle, with a few
 * LSB of noise (a real chip never repeats a sample to the bit; the supervisor takes identical samples
 * under drive for a frozen sensor). It writes over plain I2C through Pi4J's linuxfs provider, in
 * its own Pi4J context (no gpiod in it, so closing it releases none of the table's lines).
 *
 * <p>Thread-safety: the pose is guarded by {@code this}; the plant's thread owns the I2C device.
 * A failure of the thread is kept and rethrown to the test by {@link #checkHealthy()}.
 */
final class EmulatedImu implements AutoCloseable {
    /**
     * The plant's step in the table's time (the scaled parker stretches it with the table's): five
     * samples a tick, and no more, because under TCG this thread takes its CPU from the controller.
     */
    private static final long STEP_NANOS = 2_000_000L;
    /** The upright end-stop opens once the bed has left the stop by this much. */
    private static final double HOME_SWITCH_BAND_DEG = 0.5;
    private static final double GYRO_LSB_PER_DEG_S = 131.0;
    private static final int ACCEL_NOISE_LSB = 8;
    private static final int GYRO_NOISE_LSB = 2;
    private static final double UPRIGHT_STOP_DEG = ImuPose.HOME.angleDeg();
    private static final double INVERTED_STOP_DEG = 90.0;

    private final Context ctx;
    private final I2C chip;
    private final GpioSim gpio;
    private final PinMap pins;
    private final Path pwmChannelDir;
    private final Clock tableClock;
    private final Parker tableParker;
    private final double speedDegS;
    private final double minDuty;
    private final Random noise = new Random(20261201L);
    private final byte[] sample = new byte[15];
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private double angleDeg = ImuPose.HOME.angleDeg();
    private double gravityG = 1.0;
    private boolean zeroed;

    EmulatedImu(int bus, GpioSim gpio, PinMap pins, Path pwmChannelDir, TimeScale scale, double speedDegS,
            double minDuty) {
        this.gpio = gpio;
        this.pins = pins;
        this.pwmChannelDir = pwmChannelDir;
        this.tableClock = scale.clock(new SystemClock());
        this.tableParker = scale.parker(Parker.SYSTEM);
        this.speedDegS = speedDegS;
        this.minDuty = minDuty;
        this.ctx = Pi4J.newContextBuilder().add(LinuxFsI2CProvider.newInstance()).build();
        this.chip = ctx.create(I2C.newConfigBuilder(ctx).id("emulated-mpu6050").bus(bus)
                .device(pins.i2cAddress()));
        writeSample(0.0);
        this.thread = new Thread(this::run, "emulated-imu-plant");
        thread.setDaemon(true);
        thread.start();
    }

    /** Holds the bed at {@code pose} (the plant moves on from there when the bridge drives). */
    synchronized void pose(ImuPose pose) {
        angleDeg = pose.angleDeg();
        gravityG = pose.gravityG();
        zeroed = false;
    }

    /** Every sample register reads 0: a chip that lost its supply or its bond wires (0 g). */
    synchronized void zero() {
        zeroed = true;
    }

    synchronized double angleDeg() {
        return angleDeg;
    }

    void checkHealthy() {
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("the emulated IMU's plant thread failed: " + t, t);
        }
    }

    private void run() {
        try {
            long last = tableClock.nanoTime();
            while (running) {
                tableParker.parkNanos(STEP_NANOS);
                long now = tableClock.nanoTime();
                double dtS = (now - last) / 1e9;
                last = now;
                writeSample(advance(dtS));
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Moves the bed by what the bridge drove over {@code dtS} of the table's time; returns the rate in deg/s. */
    private double advance(double dtS) {
        double rate = 0.0;
        if (gpio.high(pins.motorEnablePin())) {
            double duty = PwmStandIn.dutyFraction(pwmChannelDir);
            if (duty > minDuty) {
                rate = speedDegS * (duty - minDuty) / (1.0 - minDuty)
                        * (gpio.high(pins.motorDirPin()) ? 1.0 : -1.0);
            }
        }
        boolean leftHome;
        boolean backHome;
        synchronized (this) {
            double next = Math.max(UPRIGHT_STOP_DEG, Math.min(INVERTED_STOP_DEG, angleDeg + rate * dtS));
            rate = dtS > 0 ? (next - angleDeg) / dtS : 0.0;
            double band = UPRIGHT_STOP_DEG + HOME_SWITCH_BAND_DEG;
            leftHome = angleDeg <= band && next > band;
            backHome = angleDeg > band && next <= band;
            angleDeg = next;
        }
        // The end-stop follows the bed it is mounted on; a test may still set it by hand (a stuck switch).
        if (leftHome || backHome) {
            gpio.pull(pins.homeSwitchPin(), backHome);
        }
        return rate;
    }

    private void writeSample(double rateDegS) {
        double angle;
        double gravity;
        boolean zero;
        synchronized (this) {
            angle = angleDeg;
            gravity = gravityG;
            zero = zeroed;
        }
        java.util.Arrays.fill(sample, (byte) 0);
        sample[0] = 0x01;  // INT_STATUS: DATA_RDY
        if (!zero) {
            double[] g = pins.imu().accelerationG(angle);
            double[] w = pins.imu().rateDegPerS(rateDegS);
            for (int axis = 0; axis < 3; axis++) {
                put(1 + 2 * axis, (int) Math.round(g[axis] * gravity * 32768.0 / pins.imu().accelRangeG()) + jitter(ACCEL_NOISE_LSB));
                put(9 + 2 * axis, (int) Math.round(w[axis] * GYRO_LSB_PER_DEG_S) + jitter(GYRO_NOISE_LSB));
            }
        }
        chip.writeRegister(Mpu6050.INT_STATUS, sample, 0, sample.length);
    }

    private int jitter(int lsb) {
        return noise.nextInt(2 * lsb + 1) - lsb;
    }

    private void put(int at, int value) {
        int v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
        sample[at] = (byte) (v >> 8);
        sample[at + 1] = (byte) v;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.shutdown();
    }
}
