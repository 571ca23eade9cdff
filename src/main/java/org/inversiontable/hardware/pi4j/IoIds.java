package org.inversiontable.hardware.pi4j;

import org.inversiontable.hardware.Button;

/**
 * The Pi4J ids of the table's I/O. The simulator and the tests find the mock pins by these ids,
 * so they are the contract between the adapters and whatever drives the pins.
 */
public final class IoIds {
    public static final String ESTOP = "estop";
    public static final String HOME_SWITCH = "home-switch";
    public static final String BUTTON_UP = "button-up";
    public static final String BUTTON_DOWN = "button-down";
    public static final String BUTTON_HOME = "button-home";
    public static final String BUTTON_PRESET = "button-preset";
    public static final String BUTTON_STOP = "button-stop";
    public static final String MOTOR_DIR = "motor-dir";
    public static final String MOTOR_ENABLE = "motor-enable";
    public static final String MOTOR_PWM = "motor-pwm";
    public static final String LED = "led";
    public static final String BUZZER = "buzzer";
    public static final String WATCHDOG = "watchdog";
    public static final String IMU = "imu";
    /** The watchdog relay K2's auxiliary contact, read back by the self-test (hardware/WIRING.md). */
    public static final String RELAY_AUX = "relay-aux";

    private IoIds() {
    }

    public static String button(Button button) {
        return switch (button) {
            case UP -> BUTTON_UP;
            case DOWN -> BUTTON_DOWN;
            case HOME -> BUTTON_HOME;
            case PRESET -> BUTTON_PRESET;
            case STOP -> BUTTON_STOP;
        };
    }
}
