package org.inversiontable.hardware;

import java.util.HashMap;
import java.util.Map;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;

/**
 * Where everything is wired: BCM pins, the PWM channel, the IMU's bus, address and mounting.
 *
 * <pre>{@code
 * PinMap pins = PinMap.from(config);
 * Pi4jTableHardware table = Pi4jTableHardware.create(Pi4jContexts.onPi(), pins, new SystemClock());
 * }</pre>
 *
 * @param estopPin        e-stop input (normally closed to ground, pull-up)
 * @param homeSwitchPin   upright end-stop input (normally closed to ground, pull-up)
 * @param buttonUpPin     UP button (to ground, pull-up); likewise the other buttons
 * @param motorDirPin     H-bridge direction (high = toward inversion)
 * @param motorEnablePin  H-bridge enable (high = enabled)
 * @param pwmChannel      hardware PWM channel (not a GPIO number) of the H-bridge speed input
 * @param pwmFrequencyHz  H-bridge PWM frequency
 * @param debounceMs      debounce of buttons and of the release of the switches
 * @param i2cBus          I2C bus of the IMU
 * @param i2cAddress      7-bit I2C address of the IMU
 * @param imu             how the IMU is mounted on the bed
 */
public record PinMap(int estopPin, int homeSwitchPin, int buttonUpPin, int buttonDownPin, int buttonHomePin,
                     int buttonPresetPin, int buttonStopPin, int motorDirPin, int motorEnablePin, int ledPin,
                     int buzzerPin, int watchdogPin, int pwmChannel, int pwmFrequencyHz, int debounceMs,
                     int i2cBus, int i2cAddress, ImuMounting imu) {

    /** The highest BCM GPIO number on the 40-pin header. */
    public static final int MAX_BCM_PIN = 27;

    public PinMap {
        Map<Integer, String> used = new HashMap<>();
        pin(used, "estopPin", estopPin);
        pin(used, "homeSwitchPin", homeSwitchPin);
        pin(used, "buttonUpPin", buttonUpPin);
        pin(used, "buttonDownPin", buttonDownPin);
        pin(used, "buttonHomePin", buttonHomePin);
        pin(used, "buttonPresetPin", buttonPresetPin);
        pin(used, "buttonStopPin", buttonStopPin);
        pin(used, "motorDirPin", motorDirPin);
        pin(used, "motorEnablePin", motorEnablePin);
        pin(used, "ledPin", ledPin);
        pin(used, "buzzerPin", buzzerPin);
        pin(used, "watchdogPin", watchdogPin);
        if (pwmChannel < 0 || pwmChannel > 3) {
            throw new IllegalArgumentException("pwmChannel must be 0..3, was " + pwmChannel);
        }
        if (pwmFrequencyHz <= 0) {
            throw new IllegalArgumentException("pwmFrequencyHz must be positive, was " + pwmFrequencyHz);
        }
        if (debounceMs < 0) {
            throw new IllegalArgumentException("debounceMs must not be negative, was " + debounceMs);
        }
        if (i2cBus < 0) {
            throw new IllegalArgumentException("i2cBus must not be negative, was " + i2cBus);
        }
        // 0x00-0x02 and 0x78-0x7F are reserved by the I2C specification.
        if (i2cAddress < 0x03 || i2cAddress > 0x77) {
            throw new IllegalArgumentException("i2cAddress must be 0x03..0x77, was " + i2cAddress);
        }
        if (imu == null) {
            throw new IllegalArgumentException("imu must not be null");
        }
    }

    /**
     * Two functions on one pin would make one of them silently wrong (an e-stop that reads a
     * button, say), so a duplicate is refused where the map is made.
     */
    private static void pin(Map<Integer, String> used, String name, int bcm) {
        if (bcm < 0 || bcm > MAX_BCM_PIN) {
            throw new IllegalArgumentException(name + " must be a BCM pin 0.." + MAX_BCM_PIN + ", was " + bcm);
        }
        String previous = used.putIfAbsent(bcm, name);
        if (previous != null) {
            throw new IllegalArgumentException(name + " uses BCM " + bcm + ", already used by " + previous);
        }
    }

    public long debounceNanos() {
        return debounceMs * 1_000_000L;
    }

    public static PinMap from(Config config) {
        ImuMounting imu = new ImuMounting(
                Axis.parse(config.text(ConfigKey.IMU_AXIS_ALONG)),
                Axis.parse(config.text(ConfigKey.IMU_AXIS_NORMAL)),
                config.number(ConfigKey.IMU_OFFSET_DEG),
                config.integer(ConfigKey.IMU_ACCEL_RANGE_G));
        return new PinMap(
                config.integer(ConfigKey.PIN_ESTOP),
                config.integer(ConfigKey.PIN_HOME_SWITCH),
                config.integer(ConfigKey.PIN_BUTTON_UP),
                config.integer(ConfigKey.PIN_BUTTON_DOWN),
                config.integer(ConfigKey.PIN_BUTTON_HOME),
                config.integer(ConfigKey.PIN_BUTTON_PRESET),
                config.integer(ConfigKey.PIN_BUTTON_STOP),
                config.integer(ConfigKey.PIN_MOTOR_DIR),
                config.integer(ConfigKey.PIN_MOTOR_ENABLE),
                config.integer(ConfigKey.PIN_LED),
                config.integer(ConfigKey.PIN_BUZZER),
                config.integer(ConfigKey.PIN_WATCHDOG),
                config.integer(ConfigKey.PWM_MOTOR_CHANNEL),
                config.integer(ConfigKey.PWM_MOTOR_FREQUENCY_HZ),
                config.integer(ConfigKey.INPUT_DEBOUNCE_MS),
                config.integer(ConfigKey.I2C_BUS),
                config.integer(ConfigKey.I2C_ADDRESS),
                imu);
    }

    /**
     * How the IMU sits on the bed, and the angle math that follows from it (pure, shared by the
     * driver and the simulated chip).
     *
     * <p>Axis A points along the bed toward the head, axis N out of the bed (up when flat); each is
     * one of the chip's axes with a sign, so any of the 24 ways a chip can be screwed on, upside
     * down included, is described. Head down by θ gives a_A = -sin θ, a_N = cos θ (in g), hence
     * {@code angleDeg = atan2(-a_A, a_N) + offsetDeg}: 0 flat, +90 head straight down, -65 near
     * upright. The table turns about R = N × A, so the gyro's rate about R is the rate of the
     * inversion angle (positive toward head down).
     *
     * @param axisAlong   the chip axis that points along the bed toward the head
     * @param axisNormal  the chip axis that points out of the bed, perpendicular to axisAlong
     * @param offsetDeg   final trim added to the computed angle (after the per-axis calibration)
     * @param accelRangeG accelerometer full scale: 2, 4, 8 or 16
     */
    public record ImuMounting(Axis axisAlong, Axis axisNormal, double offsetDeg, int accelRangeG) {
        public static final ImuMounting DEFAULT = new ImuMounting(Axis.X, Axis.Z, 0.0, 2);

        public ImuMounting {
            if (axisAlong == null || axisNormal == null) {
                throw new IllegalArgumentException("axisAlong and axisNormal must be given");
            }
            if (axisAlong.index() == axisNormal.index()) {
                throw new IllegalArgumentException("axisAlong (" + axisAlong.text() + ") and axisNormal ("
                        + axisNormal.text() + ") must be two different chip axes");
            }
            if (!Double.isFinite(offsetDeg)) {
                throw new IllegalArgumentException("offsetDeg must be finite, was " + offsetDeg);
            }
            if (accelRangeG != 2 && accelRangeG != 4 && accelRangeG != 8 && accelRangeG != 16) {
                throw new IllegalArgumentException("accelRangeG must be 2, 4, 8 or 16, was " + accelRangeG);
            }
        }

        /** The pivot axis R = N × A in chip coordinates: a unit vector along one signed chip axis. */
        public Axis axisPivot() {
            // e_i × e_j = +e_k when (i, j, k) is a cyclic turn of (x, y, z), else -e_k. Read every
            // tick, so without arrays.
            int k = 3 - axisNormal.index() - axisAlong.index();
            int cyclic = (axisAlong.index() - axisNormal.index() + 3) % 3 == 1 ? 1 : -1;
            return Axis.of(k, axisNormal.sign() * axisAlong.sign() * cyclic);
        }

        /** The inversion angle from the three measured components (in g, chip axes x, y, z). */
        public double angleDeg(double xG, double yG, double zG) {
            double along = axisAlong.component(xG, yG, zG);
            double normal = axisNormal.component(xG, yG, zG);
            return Math.toDegrees(Math.atan2(-along, normal)) + offsetDeg;
        }

        /** The rate of the inversion angle (deg/s, positive toward head down) from the gyro's chip axes. */
        public double rateDegPerS(double xDegPerS, double yDegPerS, double zDegPerS) {
            return axisPivot().component(xDegPerS, yDegPerS, zDegPerS);
        }

        /**
         * The inverse of {@link #angleDeg}: the acceleration (in g, chip axes x, y, z) that a
         * chip mounted this way measures at rest at the given angle under 1 g.
         */
        public double[] accelerationG(double angleDeg) {
            double thetaRad = Math.toRadians(angleDeg - offsetDeg);
            double[] xyz = new double[3];
            axisAlong.add(xyz, -Math.sin(thetaRad));
            axisNormal.add(xyz, Math.cos(thetaRad));
            return xyz;
        }

        /** An acceleration along the bed toward the head (a jolt, a person shifting), on the chip's axes. */
        public double[] alongBedG(double alongG) {
            double[] xyz = new double[3];
            axisAlong.add(xyz, alongG);
            return xyz;
        }

        /** The inverse of {@link #rateDegPerS}: the gyro's chip axes (deg/s) when the table turns at this rate. */
        public double[] rateDegPerS(double inversionRateDegPerS) {
            double[] xyz = new double[3];
            axisPivot().add(xyz, inversionRateDegPerS);
            return xyz;
        }
    }

    /** One of the chip's axes with a sign, as the configuration writes it: x, -x, y, -y, z, -z. */
    public enum Axis {
        X(0, 1), MINUS_X(0, -1), Y(1, 1), MINUS_Y(1, -1), Z(2, 1), MINUS_Z(2, -1);

        private final int index;
        private final int sign;

        Axis(int index, int sign) {
            this.index = index;
            this.sign = sign;
        }

        /** 0, 1 or 2 for the chip's x, y or z. */
        public int index() {
            return index;
        }

        /** +1 or -1. */
        public int sign() {
            return sign;
        }

        /** As the configuration writes it: {@code x}, {@code -x}, ... */
        public String text() {
            return (sign < 0 ? "-" : "") + "xyz".charAt(index);
        }

        /** The axis a configuration names, or an exception that says what is allowed. */
        public static Axis parse(String text) {
            for (Axis a : values()) {
                if (a.text().equals(text)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("an IMU axis must be one of x, -x, y, -y, z, -z, was '" + text + "'");
        }

        double component(double x, double y, double z) {
            return sign * (index == 0 ? x : index == 1 ? y : z);
        }

        void add(double[] xyz, double value) {
            xyz[index] += sign * value;
        }

        private static final Axis[] ALL = values();

        /** The axis of chip axis {@code index} (0, 1, 2) with {@code sign} (+1, -1). */
        public static Axis of(int index, int sign) {
            return ALL[2 * index + (sign < 0 ? 1 : 0)];
        }
    }
}
