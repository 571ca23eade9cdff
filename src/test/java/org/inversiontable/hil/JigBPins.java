package org.inversiontable.hil;

/**
 * The loop-back wires of jig B (hardware/HIL-JIG.md, "Jig B: loop-back wires"): spare GPIOs of the
 * same Pi, each through 1 kΩ to the table pin named, which keeps its default of config/example.conf.
 * BCM numbers; the physical header pin in brackets.
 *
 * <p>Chosen where HIL-JIG.md had none: the watchdog relay's auxiliary contact on BCM 19, which the
 * one-channel PWM overlay ({@code dtoverlay=pwm,pin=18,func=2}, PINMAP.md) leaves free; the HOME and
 * PRESET buttons have no spare pin left and stay released (the contracts use UP, DOWN and STOP).
 */
final class JigBPins {
    /** Out, to E-STOP {@code pin_estop} 17 [11]. HIGH = contact open; released = wire broken. */
    static final int ESTOP_DRIVE = 4;
    /** Out, to HOME switch {@code pin_home_switch} 27 [13]. HIGH = at home (switch opened). */
    static final int HOME_SWITCH_DRIVE = 20;
    /** Out, to UP {@code pin_button_up} 5 [29]. LOW = pressed. [40] */
    static final int BUTTON_UP_DRIVE = 21;
    /** Out, to DOWN {@code pin_button_down} 6 [31]. LOW = pressed. [26] */
    static final int BUTTON_DOWN_DRIVE = 7;
    /** Out, to STOP {@code pin_button_stop} 16 [36]. LOW = pressed. [24] */
    static final int BUTTON_STOP_DRIVE = 8;
    /** In (pull-down, standing in for the table's 10 kΩ), from ENABLE {@code pin_motor_enable} 24 [18]. [21] */
    static final int ENABLE_SENSE = 9;
    /** In, from DIR {@code pin_motor_dir} 23 [16]. [19] */
    static final int DIR_SENSE = 10;
    /** In, from WATCHDOG {@code pin_watchdog} 12 [32]; the same net feeds the relay board's U3. [23] */
    static final int WATCHDOG_SENSE = 11;
    /** In (pull-up), from the K2 relay's normally-open auxiliary contact to GND: LOW = energized. [35] */
    static final int RELAY_AUX_SENSE = 19;

    private JigBPins() {
    }
}
