package org.inversiontable.config;

import java.util.List;

/**
 * Every configuration key, declared once with its kind, default, bounds, unit and one line of
 * documentation (as Klipper declares <code>config.getfloat('x', 5., minval=0.)</code>).
 * The parser, the validator, the example configuration and the error messages all come from
 * this table.
 *
 * <p>The bounds of the limit keys are the absolute caps of SPEC §3: a configuration can only
 * lower a limit, never raise it past its cap.
 */
public enum ConfigKey {
    // --- the safety envelope (SPEC §3); max = absolute cap, compiled in ---
    MAX_ANGLE_DEG(Kind.NUMBER, "30", 0, AbsoluteCaps.MAX_ANGLE_DEG, "maximum inversion angle (deg); 20-30 for beginners"),
    MAX_INVERTED_S(Kind.NUMBER, "180", 10, AbsoluteCaps.MAX_INVERTED_S, "maximum time inverted (angle > 0) per session (s)"),
    V_MAX_DEG_S(Kind.NUMBER, "5", 0.5, AbsoluteCaps.MAX_SPEED_DEG_S, "maximum angular speed (deg/s)"),
    A_MAX_DEG_S2(Kind.NUMBER, "3", 0.5, AbsoluteCaps.MAX_ACCELERATION_DEG_S2, "maximum angular acceleration (deg/s^2)"),
    J_MAX_DEG_S3(Kind.NUMBER, "6", 1, AbsoluteCaps.MAX_JERK_DEG_S3, "maximum jerk (deg/s^3)"),
    V_RETURN_DEG_S(Kind.NUMBER, "3", 0.5, AbsoluteCaps.MAX_SPEED_DEG_S, "maximum speed of any move toward upright (deg/s)"),
    REST_AT_FLAT_S(Kind.NUMBER, "10", 0, 120, "pause just below horizontal on the way up (s)"),
    // At most -1 (SPEC §3): the sensor may read 1 deg off, so a rest configured at -1 may lie at 0
    // on the true angle; the controller aims the rest move one settle tolerance lower still, so
    // that the move's settling error (SPEC §5) falls on the upright side (TableController).
    FLAT_REST_DEG(Kind.NUMBER, "-1", -5, -1,
            "angle of the pause on the way up (deg); at most -1 so that the sensor's 1 deg keeps it below 0 on the true angle"),
    HOME_DEG(Kind.NUMBER, "-65", -70, -30, "upright loading position (deg)"),
    PRESET_DEG(Kind.NUMBER, "20", -65, 90, "stored preset angle (deg), clamped to the limits when used"),
    STUCK_BUTTON_S(Kind.NUMBER, "120", 10, 600, "a button held longer than this is reported stuck (s)"),
    MIN_REST_BETWEEN_SESSIONS_H(Kind.NUMBER, "0", 0, 168,
            "a session may not start sooner than this after the last one ended (h); DOWN and PRESET then sound the alarm and do nothing; 0 = off"),

    // --- actuator and IMU model ---
    ACTUATOR_SPEED_DEG_S(Kind.NUMBER, "10", 2, 30, "table speed at full duty with no load (deg/s), for feed-forward"),
    ACTUATOR_LAG_S(Kind.NUMBER, "0.12", 0, 1, "time constant of the actuator's speed response (s), for feed-forward"),
    ACTUATOR_MIN_DUTY(Kind.NUMBER, "0.04", 0, 0.3, "duty below which the actuator does not move (static friction), for feed-forward"),
    // Signed, so that every way the chip can be mounted (24, upside down included) is one pair of
    // values; this replaced imu_sign (see REMOVED_KEYS).
    IMU_AXIS_ALONG(Kind.CHOICE, "x", List.of("x", "-x", "y", "-y", "z", "-z"),
            "IMU axis (with its sign) that points along the bed toward the head"),
    IMU_AXIS_NORMAL(Kind.CHOICE, "z", List.of("x", "-x", "y", "-y", "z", "-z"),
            "IMU axis (with its sign) that points out of the bed, up when flat; not the same axis as imu_axis_along"),
    IMU_OFFSET_DEG(Kind.NUMBER, "0", -10, 10,
            "final trim added to the measured angle (deg), after the per-axis calibration that calibrate measures"),
    IMU_ACCEL_RANGE_G(Kind.CHOICE, "2", List.of("2", "4", "8", "16"), "accelerometer full-scale range (g)"),

    // --- wiring (BCM numbers; see hardware/PINMAP.md) ---
    PIN_ESTOP(Kind.INTEGER, "17", 0, 27, "e-stop input, normally closed to ground, pull-up"),
    PIN_HOME_SWITCH(Kind.INTEGER, "27", 0, 27, "upright end-stop input, normally closed to ground, pull-up"),
    PIN_BUTTON_UP(Kind.INTEGER, "5", 0, 27, "UP button, to ground, pull-up"),
    PIN_BUTTON_DOWN(Kind.INTEGER, "6", 0, 27, "DOWN button, to ground, pull-up"),
    PIN_BUTTON_HOME(Kind.INTEGER, "13", 0, 27, "HOME button, to ground, pull-up"),
    PIN_BUTTON_PRESET(Kind.INTEGER, "26", 0, 27, "PRESET button, to ground, pull-up"),
    PIN_BUTTON_STOP(Kind.INTEGER, "16", 0, 27, "STOP button, to ground, pull-up"),
    PIN_MOTOR_DIR(Kind.INTEGER, "23", 0, 27, "H-bridge direction output (high = toward inversion)"),
    PIN_MOTOR_ENABLE(Kind.INTEGER, "24", 0, 27, "H-bridge enable output (needs a hardware pull-down)"),
    PWM_MOTOR_CHANNEL(Kind.INTEGER, "0", 0, 3, "PWM channel of the H-bridge speed input for the simulator and the mock-provider tests only; run ignores it and derives the channel from pin_motor_pwm and the board"),
    PWM_MOTOR_FREQUENCY_HZ(Kind.INTEGER, "20000", 100, 40000, "H-bridge PWM frequency (Hz)"),
    PIN_LED(Kind.INTEGER, "22", 0, 27, "status LED output"),
    PIN_BUZZER(Kind.INTEGER, "25", 0, 27, "buzzer output"),
    PIN_WATCHDOG(Kind.INTEGER, "12", 0, 27, "heartbeat output to the external watchdog relay"),
    // An integer, not a choice of the four PWM pins, so that the pin cross-check sees it like every
    // other pin; run refuses a pin without hardware PWM, naming the four.
    PIN_MOTOR_PWM(Kind.INTEGER, "18", 0, 27,
            "H-bridge PWM output, a hardware PWM pin (12, 13, 18 or 19); run derives the PWM channel from it and the board (Pi 4 or Pi 5)"),
    RELAY_AUX_PIN(Kind.INTEGER, "0", 0, 27,
            "RELAY_AUX input (4 as wired in hardware/WIRING.md): the contactors K1/K3's mirror contacts via opto U4, LOW = both dropped; 0 = not wired (the self-test then cannot prove that they drop)"),
    INPUT_DEBOUNCE_MS(Kind.INTEGER, "20", 0, 100, "debounce of buttons and the release of switches (ms)"),
    I2C_BUS(Kind.INTEGER, "1", 0, 22, "I2C bus of the IMU"),
    I2C_ADDRESS(Kind.INTEGER, "104", 104, 105, "I2C address of the IMU (104 = 0x68, 105 = 0x69)"),

    // --- display (SPEC §13) ---
    DISPLAY(Kind.CHOICE, "off", List.of("off", "on"),
            "the optional OLED display on the table (SSD1306 128x64 on I2C): on = run drives it (simulate always shows one)"),
    DISPLAY_I2C_BUS(Kind.INTEGER, "1", 0, 22,
            "I2C bus of the display; 1 shares the IMU's bus (in transfers short enough that an IMU read waits under 1 ms); a bus of its own (3 via dtoverlay=i2c-gpio) is the better wiring"),
    DISPLAY_I2C_ADDRESS(Kind.INTEGER, "60", 60, 61, "I2C address of the display (60 = 0x3C, 61 = 0x3D)"),
    // A choice, not a range: the driver sizes its transfers from it, so it must be the speed the bus runs at.
    DISPLAY_I2C_KHZ(Kind.CHOICE, "100", List.of("100", "400"),
            "clock of the display's I2C bus as the Pi sets it (kHz): 100 is the Pi's default, 400 with dtparam=i2c_arm_baudrate=400000; sets how many bytes one transfer carries"),
    DISPLAY_REFRESH_HZ(Kind.INTEGER, "4", 1, 10, "pictures per second on the display"),

    // --- files ---
    JOURNAL_DIR(Kind.PATH, "", "directory of the session journal; empty = a fresh temporary directory"),
    HISTORY_FILE(Kind.PATH, "", "session history file (JSON lines); empty = history.jsonl in the journal directory"),
    RECORDER_DIR(Kind.PATH, "", "directory of the flight recorder's traces (SPEC §12); empty = flight-recorder in the program's state directory"),
    // At least a few minutes of ticks (a row is about 450 bytes, 100 a second: 2.6 MB a minute), at
    // most what a small SD card can spare beside the system.
    RECORDER_MAX_MB(Kind.INTEGER, "200", 16, 8192,
            "disk space the flight recorder's traces may take together (MB, about 75 minutes of ticks per 200 MB); the oldest are deleted first");

    /** What a key's value is. */
    public enum Kind { NUMBER, INTEGER, CHOICE, PATH }

    private final Kind kind;
    private final String defaultText;
    private final double min;
    private final double max;
    private final List<String> choices;
    private final String doc;

    ConfigKey(Kind kind, String defaultText, double min, double max, String doc) {
        this.kind = kind;
        this.defaultText = defaultText;
        this.min = min;
        this.max = max;
        this.choices = List.of();
        this.doc = doc;
    }

    ConfigKey(Kind kind, String defaultText, List<String> choices, String doc) {
        this.kind = kind;
        this.defaultText = defaultText;
        this.min = Double.NaN;
        this.max = Double.NaN;
        this.choices = choices;
        this.doc = doc;
    }

    ConfigKey(Kind kind, String defaultText, String doc) {
        this(kind, defaultText, List.of(), doc);
    }

    /** The name as written in files: {@code max_angle_deg}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Kind kind() { return kind; }
    public String defaultText() { return defaultText; }
    public double min() { return min; }
    public double max() { return max; }
    public List<String> choices() { return choices; }
    public String doc() { return doc; }

    /** The allowed values, as an error message says them. */
    public String allowed() {
        return switch (kind) {
            case NUMBER -> "a number from " + fmt(min) + " to " + fmt(max);
            case INTEGER -> "a whole number from " + fmt(min) + " to " + fmt(max);
            case CHOICE -> "one of " + String.join(", ", choices);
            case PATH -> "a file system path";
        };
    }

    public static java.util.Optional<ConfigKey> byKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key().equals(key)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }

    /** Keys that existed once, with what replaced them: a configuration that names one is told so. */
    private static final java.util.Map<String, String> REMOVED_KEYS = java.util.Map.of(
            "imu_sign", "imu_sign was removed: the sign now goes with the axis; for a chip mounted reversed write"
                    + " imu_axis_along = -x (or -y, -z) instead of imu_sign = -1, and delete the imu_sign line");

    /** What replaced a key that was removed, for the message that refuses it; empty for any other name. */
    public static java.util.Optional<String> removedKeyAdvice(String name) {
        return java.util.Optional.ofNullable(REMOVED_KEYS.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The declared key nearest to a misspelt one, for "did you mean", if any is near enough. */
    public static java.util.Optional<ConfigKey> nearest(String misspelt) {
        ConfigKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey k : values()) {
            int d = editDistance(misspelt.toLowerCase(java.util.Locale.ROOT), k.key());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, misspelt.length() / 4) ? java.util.Optional.of(best)
                : java.util.Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
