package org.inversiontable.pi;

import java.util.OptionalDouble;
import java.util.function.IntSupplier;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.hardware.TiltSensor;
import org.inversiontable.runtime.Parker;
import org.inversiontable.time.Clock;

/**
 * The IMU answers as an MPU-6050-family chip, and after a settle time from its wake-up gives
 * {@value #SAMPLES} fresh samples of plausible gravity ({@value #MIN_GRAVITY_G}-{@value
 * #MAX_GRAVITY_G} g at rest) with an angle noise below {@value #MAX_NOISE_DEG} deg (standard
 * deviation): a sensor noisier than that at rest cannot keep the angle limit within the 1 deg
 * of SPEC §3. The mean angle is kept for the HOME switch's check.
 *
 * <p>Runs on the self-test's thread; waits through the injected parker, judged on the clock.
 */
public final class ImuCheck implements SelfTestCheck {
    static final int SAMPLES = 50;
    static final double MIN_GRAVITY_G = 0.9;
    static final double MAX_GRAVITY_G = 1.1;
    static final double MAX_NOISE_DEG = 0.5;
    /** After the wake-up write: the PLL and the 44 Hz low-pass filter settle within it. */
    static final long SETTLE_NANOS = 100_000_000L;
    static final long POLL_NANOS = 5_000_000L;
    static final long SAMPLING_TIMEOUT_NANOS = 2_000_000_000L;

    private final IntSupplier whoAmI;
    private final TiltSensor tilt;
    private final Clock clock;
    private final Parker parker;
    private OptionalDouble meanAngleDeg = OptionalDouble.empty();

    public ImuCheck(IntSupplier whoAmI, TiltSensor tilt, Clock clock, Parker parker) {
        this.whoAmI = whoAmI;
        this.tilt = tilt;
        this.clock = clock;
        this.parker = parker;
    }

    @Override
    public String part() {
        return "IMU";
    }

    /** The mean measured angle, once the check has passed. */
    public OptionalDouble meanAngleDeg() {
        return meanAngleDeg;
    }

    @Override
    public CheckResult run() {
        int id = whoAmI.getAsInt();
        if (id < 0) {
            return CheckResult.failed("the IMU does not answer on its I2C bus (WHO_AM_I unread). Check its four wires,"
                    + " dtparam=i2c_arm=on, i2c_bus and i2c_address (i2cdetect -y 1 should show 68)");
        }
        waitUntil(clock.nanoTime() + SETTLE_NANOS);
        double[] angles = new double[SAMPLES];
        int n = 0;
        long deadline = clock.nanoTime() + SAMPLING_TIMEOUT_NANOS;
        while (n < SAMPLES) {
            if (clock.nanoTime() > deadline) {
                return CheckResult.failed(String.format(java.util.Locale.ROOT,
                        "only %d of %d samples came within %.1f s: the IMU answers but does not sample."
                                + " Check its supply and the I2C wiring", n, SAMPLES, SAMPLING_TIMEOUT_NANOS / 1e9));
            }
            TiltReading r = tilt.read();
            if (r.isFresh()) {
                if (!(r.gravityG() >= MIN_GRAVITY_G && r.gravityG() <= MAX_GRAVITY_G)) {
                    return CheckResult.failed(String.format(java.util.Locale.ROOT,
                            "a sample measured %.3f g of gravity, expected %.1f-%.1f g at rest: a damaged chip,"
                                    + " a wrong imu_accel_range_g, or the table moving (keep it still at start)",
                            r.gravityG(), MIN_GRAVITY_G, MAX_GRAVITY_G));
                }
                angles[n++] = r.angleDeg();
            } else {
                parker.parkNanos(POLL_NANOS);
            }
        }
        double mean = 0;
        for (double a : angles) {
            mean += a;
        }
        mean /= SAMPLES;
        double var = 0;
        for (double a : angles) {
            var += (a - mean) * (a - mean);
        }
        double noise = Math.sqrt(var / (SAMPLES - 1));
        if (noise > MAX_NOISE_DEG) {
            return CheckResult.failed(String.format(java.util.Locale.ROOT,
                    "the angle is noisy at rest (%.2f deg standard deviation over %d samples, at most %.1f):"
                            + " mount the IMU rigidly, away from the motor, and keep the table still at start",
                    noise, SAMPLES, MAX_NOISE_DEG));
        }
        meanAngleDeg = OptionalDouble.of(mean);
        return CheckResult.passed(String.format(java.util.Locale.ROOT,
                "WHO_AM_I 0x%02X; %d samples at %.1f deg, noise %.2f deg", id, SAMPLES, mean, noise));
    }

    private void waitUntil(long deadlineNanos) {
        while (clock.nanoTime() < deadlineNanos) {
            parker.parkNanos(Math.min(POLL_NANOS, deadlineNanos - clock.nanoTime()));
        }
    }
}
