package org.inversiontable.hil;

import java.util.Map;
import org.inversiontable.config.ConfigKey;

/**
 * The loop-back wires of jig B (hardware/HIL-JIG.md, "Jig B", the one table of record; HIL.md
 * repeats it): spare GPIOs of the same Pi, each through 1 kΩ to the table pin named, which keeps
 * its default of config/example.conf and PINMAP.md. BCM numbers; the physical header pin in
 * brackets. No jig pin is a pin of the table's own (JigBPinsTest), nor BCM 0-3 (HAT EEPROM, I2C).
 *
 * <p>The contactors' read-back: jig B has no contactors, so the watchdog board's own output U3 1Q
 * plays them, HIGH while the heartbeat lives, LOW ~54 ms after it stops: the polarity of RELAY_AUX
 * (WIRING.md §4.3, LOW = dropped). 1Q feeds the table's {@code relay_aux_pin} 4 [7] through 1 kΩ, so
 * {@code run}'s self-test proves the drop against real U3 timing, and the jig's own sense input
 * through another 1 kΩ: two processes cannot hold one gpiod line, and the process tests run
 * {@code run} beside the jig. HOME and PRESET buttons have no spare pin left and stay released.
 */
final class JigBPins {
    /** Out, to E-STOP {@code pin_estop} 17 [11]. LOW = contact closed, HIGH = open; released = wire broken. [38] */
    static final int ESTOP_DRIVE = 20;
    /** Out, to HOME switch {@code pin_home_switch} 27 [13]. HIGH = at home (switch opened). [40] */
    static final int HOME_SWITCH_DRIVE = 21;
    /** Out, to UP {@code pin_button_up} 5 [29]. LOW = pressed. [26] */
    static final int BUTTON_UP_DRIVE = 7;
    /** Out, to DOWN {@code pin_button_down} 6 [31]. LOW = pressed. [24] */
    static final int BUTTON_DOWN_DRIVE = 8;
    /** Out, to STOP {@code pin_button_stop} 16 [36]. LOW = pressed. [8] */
    static final int BUTTON_STOP_DRIVE = 14;
    /** In (pull-down, standing in for the table's 10 kΩ), from ENABLE {@code pin_motor_enable} 24 [18]. [21] */
    static final int ENABLE_SENSE = 9;
    /** In (pull-down), from DIR {@code pin_motor_dir} 23 [16]. [19] */
    static final int DIR_SENSE = 10;
    /** In (pull-down), from WATCHDOG {@code pin_watchdog} 12 [32]; the same net feeds the relay board's U3. [23] */
    static final int WATCHDOG_SENSE = 11;
    /**
     * In (pull-down), from U3 1Q, the stand-in for the contactors: HIGH = in, LOW = dropped. The
     * pull-down makes a missing relay board read "dropped", which fails the checks that first
     * require the contactors in, rather than passing a drop. [10]
     */
    static final int CONTACTORS_SENSE = 15;
    /** The table's RELAY_AUX input ({@code relay_aux_pin}, PINMAP.md), fed by U3 1Q through 1 kΩ. [7] */
    static final int TABLE_RELAY_AUX = 4;

    private JigBPins() {
    }

    /**
     * The configuration keys that make the controller match jig B: the PWM channel of BCM 18 on this
     * board (for the in-JVM table; {@code run} derives it itself), and RELAY_AUX when the watchdog
     * relay board is fitted (0 without it: the self-test then reports the drop NOT PROVEN).
     */
    static Map<ConfigKey, String> wiring(int pwmChannel, boolean relayFitted) {
        return Map.of(ConfigKey.PWM_MOTOR_CHANNEL, Integer.toString(pwmChannel),
                ConfigKey.RELAY_AUX_PIN, Integer.toString(relayFitted ? TABLE_RELAY_AUX : 0));
    }
}
