package org.inversiontable.hardware.pi4j.fake;

import com.pi4j.io.exception.IOException;

/**
 * A register-level model of an MPU-6050, so the real driver runs unchanged against it.
 *
 * <pre>{@code
 * FakeMpu6050 chip = new FakeMpu6050();
 * FakeI2CProvider i2c = new FakeI2CProvider().attach(1, 0x68, chip);
 * Context ctx = Pi4jContexts.simulated(i2c);
 * chip.setMotion(0.0, 0.0, 1.0, 0.0, 0.0, 0.0);   // g and deg/s on the chip's axes, once per sample
 * }</pre>
 *
 * <p>Modelled: 128 byte-wide registers with their reset values (WHO_AM_I 0x68, PWR_MGMT_1 0x40
 * = asleep); a register pointer set by the first byte of a write and auto-incremented by every
 * byte read or written; DATA_RDY in INT_STATUS set by each new sample and cleared by reading
 * INT_STATUS; no sampling and sensor registers reading 0 while asleep; DEVICE_RESET; read-only
 * registers; full-scale ranges from ACCEL_CONFIG and GYRO_CONFIG with saturation; a NACK on every
 * transfer while disconnected; a brown-out (every register back to its reset value, asleep); a
 * slow bus (a hook run in every transfer, which a test uses to advance its clock). Not modelled:
 * the DLPF's filtering and delay (samples are what the caller gives), temperature, FIFO, the
 * timing of the sample clock.
 *
 * <p>Thread-safe: the simulator and the control loop may call it from different threads.
 */
public final class FakeMpu6050 implements FakeI2CDevice {
    public static final int REGISTER_COUNT = 128;

    private static final int GYRO_CONFIG = 0x1B;
    private static final int ACCEL_CONFIG = 0x1C;
    private static final int GYRO_XOUT_H = 0x43;
    private static final int INT_STATUS = 0x3A;
    private static final int ACCEL_XOUT_H = 0x3B;
    private static final int SENSOR_FIRST = 0x3B;
    private static final int SENSOR_LAST = 0x60;
    private static final int PWR_MGMT_1 = 0x6B;
    private static final int WHO_AM_I = 0x75;
    private static final int PWR_MGMT_1_RESET_VALUE = 0x40;
    private static final int DEVICE_RESET = 0x80;
    private static final int SLEEP = 0x40;
    private static final int DATA_RDY = 0x01;
    private static final int MAX_COUNT = 32767;

    private final int[] registers = new int[REGISTER_COUNT];
    private int pointer;
    private int whoAmI = 0x68;
    private boolean disconnected;
    private double xG;
    private double yG;
    private double zG = 1.0;
    private double gxDegPerS;
    private double gyDegPerS;
    private double gzDegPerS;
    private int samples;
    private Runnable onTransfer = () -> { };

    public FakeMpu6050() {
        reset();
    }

    /** The acceleration the chip feels (in g, chip axes); sampled at once unless asleep. */
    public synchronized void setAccelerationG(double x, double y, double z) {
        feel(x, y, z);
    }

    /**
     * What the chip feels: acceleration (g) and rotation rate (deg/s) on its own axes; sampled at
     * once unless asleep.
     */
    public synchronized void setMotion(double xG, double yG, double zG, double gxDegPerS, double gyDegPerS,
                                       double gzDegPerS) {
        if (!Double.isFinite(gxDegPerS) || !Double.isFinite(gyDegPerS) || !Double.isFinite(gzDegPerS)) {
            throw new IllegalArgumentException("rate must be finite, was " + gxDegPerS + ", " + gyDegPerS + ", "
                    + gzDegPerS);
        }
        this.gxDegPerS = gxDegPerS;
        this.gyDegPerS = gyDegPerS;
        this.gzDegPerS = gzDegPerS;
        feel(xG, yG, zG);
    }

    // The helpers below run under the lock their public caller holds: a simulated sample every
    // 5 ms and a read of 14 registers every tick took the (re-entrant) lock once per call and per
    // byte, which showed in the simulation's profile (SPEC §11).

    private void feel(double x, double y, double z) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("acceleration must be finite, was " + x + ", " + y + ", " + z);
        }
        xG = x;
        yG = y;
        zG = z;
        if (!asleep()) {
            sample();
        }
    }

    /** A supply dip: every register back to its reset value, the chip asleep until set up again. */
    public synchronized void brownOut() {
        reset();
    }

    /** Runs in every bus transaction (a slow bus: the hook advances a test's clock). */
    public synchronized void onTransfer(Runnable hook) {
        if (hook == null) {
            throw new IllegalArgumentException("hook must not be null; use () -> { } for none");
        }
        onTransfer = hook;
    }

    /** While disconnected every transfer fails as a NACK does; the registers keep their state. */
    public synchronized void setDisconnected(boolean disconnected) {
        this.disconnected = disconnected;
    }

    /** A different chip of the family (0x70, 0x71, 0x73) or a wrong one, for the identity check. */
    public synchronized void setWhoAmI(int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("value must be a byte 0..255, was " + value);
        }
        whoAmI = value;
        registers[WHO_AM_I] = value;
    }

    public synchronized boolean sleeping() {
        return asleep();
    }

    private boolean asleep() {
        return (registers[PWR_MGMT_1] & SLEEP) != 0;
    }

    /** A register's stored value, without the side effects of a bus read. */
    public synchronized int peek(int register) {
        return registers[checkRegister(register)];
    }

    /** How many samples the chip has taken since power-up, for tests. */
    public synchronized int samples() {
        return samples;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
        onTransfer.run();
        answer();
        writeBytes(data, offset, length);
    }

    private void writeBytes(byte[] data, int offset, int length) {
        if (length == 0) {
            return;
        }
        pointer = checkRegister(data[offset] & 0xFF);
        for (int i = 1; i < length; i++) {
            store(pointer, data[offset + i] & 0xFF);
            pointer = (pointer + 1) % REGISTER_COUNT;
        }
    }

    @Override
    public synchronized void read(byte[] buffer, int offset, int length) {
        onTransfer.run();
        answer();
        readBytes(buffer, offset, length);
    }

    private void readBytes(byte[] buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) load(pointer);
            pointer = (pointer + 1) % REGISTER_COUNT;
        }
    }

    @Override
    public synchronized void writeRead(byte[] data, int dataOffset, int dataLength, byte[] buffer,
                                       int bufferOffset, int bufferLength) {
        onTransfer.run();
        answer();
        writeBytes(data, dataOffset, dataLength);
        readBytes(buffer, bufferOffset, bufferLength);
    }

    private void answer() {
        if (disconnected) {
            throw new IOException("MPU-6050 fake: no ACK (disconnected)");
        }
    }

    private static int checkRegister(int register) {
        if (register < 0 || register >= REGISTER_COUNT) {
            throw new IOException(String.format("MPU-6050 fake: register 0x%02X does not exist", register));
        }
        return register;
    }

    private int load(int register) {
        int value = registers[register];
        if (register >= SENSOR_FIRST && register <= SENSOR_LAST && asleep()) {
            return 0;
        }
        if (register == INT_STATUS) {
            registers[INT_STATUS] &= ~DATA_RDY;
        }
        return value;
    }

    private void store(int register, int value) {
        if (register == WHO_AM_I || register == INT_STATUS
                || (register >= SENSOR_FIRST && register <= SENSOR_LAST)) {
            return;
        }
        if (register == PWR_MGMT_1 && (value & DEVICE_RESET) != 0) {
            reset();
            return;
        }
        boolean wasSleeping = asleep();
        registers[register] = value;
        if (register == PWR_MGMT_1 && wasSleeping && !asleep()) {
            // A real chip produces its first sample a few ms after waking; this one at once.
            sample();
        }
    }

    private void reset() {
        java.util.Arrays.fill(registers, 0);
        registers[PWR_MGMT_1] = PWR_MGMT_1_RESET_VALUE;
        registers[WHO_AM_I] = whoAmI;
    }

    private void sample() {
        int afsSel = (registers[ACCEL_CONFIG] >> 3) & 0x3;
        double lsbPerG = 16384.0 / (1 << afsSel);
        putWord(ACCEL_XOUT_H, counts(xG, lsbPerG));
        putWord(ACCEL_XOUT_H + 2, counts(yG, lsbPerG));
        putWord(ACCEL_XOUT_H + 4, counts(zG, lsbPerG));
        int fsSel = (registers[GYRO_CONFIG] >> 3) & 0x3;
        double lsbPerDegS = 131.0 / (1 << fsSel);
        putWord(GYRO_XOUT_H, counts(gxDegPerS, lsbPerDegS));
        putWord(GYRO_XOUT_H + 2, counts(gyDegPerS, lsbPerDegS));
        putWord(GYRO_XOUT_H + 4, counts(gzDegPerS, lsbPerDegS));
        registers[INT_STATUS] |= DATA_RDY;
        samples++;
    }

    private static int counts(double value, double lsbPerUnit) {
        return (int) Math.max(-MAX_COUNT, Math.min(MAX_COUNT, Math.round(value * lsbPerUnit)));
    }

    private void putWord(int register, int value) {
        registers[register] = (value >> 8) & 0xFF;
        registers[register + 1] = value & 0xFF;
    }
}
