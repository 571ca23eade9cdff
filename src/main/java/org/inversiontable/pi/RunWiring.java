package org.inversiontable.pi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.PinMap;

/**
 * Where {@code run} finds everything: the pin map the simulator shares, plus the two inputs and
 * outputs only a real Pi has: the watchdog relay's auxiliary contact ({@code relay_aux_pin}, 0 =
 * not wired) and the GPIO of the motor's PWM ({@code pin_motor_pwm}, from which the channel is
 * derived for the board).
 *
 * @param pins        the shared pin map
 * @param relayAuxPin the relay's auxiliary contact input, 0 = not wired
 * @param motorPwmPin the BCM GPIO of the H-bridge's PWM input
 */
public record RunWiring(PinMap pins, int relayAuxPin, int motorPwmPin) {
    public RunWiring {
        if (pins == null) {
            throw new IllegalArgumentException("pins must not be null");
        }
        Map<Integer, String> used = used(pins);
        // Two functions on one pin would make one of them silently wrong (hazard H11).
        check(used, ConfigKey.PIN_MOTOR_PWM.key(), motorPwmPin);
        if (relayAuxPin != 0) {
            check(used, ConfigKey.RELAY_AUX_PIN.key(), relayAuxPin);
        }
    }

    /** @throws IllegalArgumentException naming the keys that share a pin */
    public static RunWiring from(Config config) {
        return new RunWiring(PinMap.from(config), config.integer(ConfigKey.RELAY_AUX_PIN),
                config.integer(ConfigKey.PIN_MOTOR_PWM));
    }

    private static void check(Map<Integer, String> used, String key, int bcm) {
        String previous = used.putIfAbsent(bcm, key);
        if (previous != null) {
            throw new IllegalArgumentException(key + " = " + bcm + " is already used by " + previous
                    + "; give one of them another pin");
        }
    }

    private static Map<Integer, String> used(PinMap p) {
        Map<Integer, String> used = new LinkedHashMap<>();
        used.put(p.estopPin(), ConfigKey.PIN_ESTOP.key());
        used.put(p.homeSwitchPin(), ConfigKey.PIN_HOME_SWITCH.key());
        used.put(p.buttonUpPin(), ConfigKey.PIN_BUTTON_UP.key());
        used.put(p.buttonDownPin(), ConfigKey.PIN_BUTTON_DOWN.key());
        used.put(p.buttonHomePin(), ConfigKey.PIN_BUTTON_HOME.key());
        used.put(p.buttonPresetPin(), ConfigKey.PIN_BUTTON_PRESET.key());
        used.put(p.buttonStopPin(), ConfigKey.PIN_BUTTON_STOP.key());
        used.put(p.motorDirPin(), ConfigKey.PIN_MOTOR_DIR.key());
        used.put(p.motorEnablePin(), ConfigKey.PIN_MOTOR_ENABLE.key());
        used.put(p.ledPin(), ConfigKey.PIN_LED.key());
        used.put(p.buzzerPin(), ConfigKey.PIN_BUZZER.key());
        used.put(p.watchdogPin(), ConfigKey.PIN_WATCHDOG.key());
        // The IMU's I2C bus 1 is on BCM 2 and 3.
        used.putIfAbsent(2, "I2C SDA (BCM 2)");
        used.putIfAbsent(3, "I2C SCL (BCM 3)");
        return used;
    }
}
